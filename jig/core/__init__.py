"""The core layer: ontology schema, typed stage records, the graph payload, errors, data files, text views.

Imported by every other package; imports nothing of the project.
"""
