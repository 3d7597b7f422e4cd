"""Stage 2, segment: `Document` → `Sentence` records with clauses and on-demand jieba tokens."""
