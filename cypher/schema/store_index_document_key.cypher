// Versions of a document share a key (source path, URL or an explicit key): find them fast.
CREATE INDEX document_key IF NOT EXISTS FOR (d:Document) ON (d.key)
