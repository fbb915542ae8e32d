// Names of the full-text indexes.
SHOW FULLTEXT INDEXES YIELD name
RETURN name
