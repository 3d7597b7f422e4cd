"""Stage 1, read: files → `Document` (decoding, cleaning, matching view, metadata, manifest)."""
