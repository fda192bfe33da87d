"""Sentence splitting, degraded-text detection and repair, tokens."""
