// Every publisher of the stored documents with how many it published, for the list's filter.
MATCH (d:Entity:Document)
WHERE d.publisher IS NOT NULL
RETURN d.publisher AS publisher, count(d) AS documents
ORDER BY toLower(d.publisher), d.publisher
