"""Extraction quality: gold sets, scoring against them, reports."""
