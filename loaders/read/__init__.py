"""Reading: files of every format into text and metadata (header, front matter, sidecars)."""
