"""Curated knowledge the stages share: the gazetteer (with its taxonomy) and the cue lexicon."""
