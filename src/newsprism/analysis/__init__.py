"""Brief sections, one module each."""
