"""Jilin Innovation Graph: the shared core every layer builds on."""
