"""Stage 5, relate: sentences and resolved mentions → typed `Edge` records with evidence."""
