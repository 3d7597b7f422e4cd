"""Stage 8, assemble: all stage records → the `KnowledgeGraph` payload."""
