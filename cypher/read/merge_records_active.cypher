// Is any merge redirect in force? When none is, ingest skips resolving redirects id by id.
MATCH (m:MergeRecord)
WHERE m.active
RETURN count(m) AS active
