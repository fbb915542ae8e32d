"""Writes: the batched writer, claim support and grades, documents and ingest, curation, merges,
the audit log, API keys."""
