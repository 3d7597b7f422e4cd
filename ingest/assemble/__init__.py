"""Stage 7, assemble: all stage records → the `KnowledgeGraph` payload."""
