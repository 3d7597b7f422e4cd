"""Stage 4, resolve: `Mention` → canonical `Entity` (aliases, abbreviations, English names)."""
