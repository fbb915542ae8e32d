// Every entity with its labels and properties (tests and consistency checks; no paging).
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
