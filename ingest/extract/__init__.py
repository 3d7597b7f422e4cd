"""Stage 3, extract: `Sentence` → `Mention` (gazetteer, name forms, technologies)."""
