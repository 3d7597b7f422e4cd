"""Stage 6, targets: sentences → quantitative `Target` records."""
