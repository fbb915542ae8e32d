// Merge redirects are looked up by the merged-away id on every ingest.
CREATE INDEX merge_from IF NOT EXISTS FOR (m:MergeRecord) ON (m.from_id)
