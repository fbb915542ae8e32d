// Every entity's names (canonical name and aliases) with its labels: what the duplicate queue
// compares, name against name, within each coarse label.
// $limit: at most this many entities
MATCH (n:Entity)
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases
ORDER BY n.id
LIMIT $limit
