"""Reads: the analyst filters, read plans (blocking or async), neighbours, paths, networks,
timeline, analytics, the read-only Cypher guard."""
