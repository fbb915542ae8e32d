// Notes, newest first: on one target when $target is given, containing $q (any case) when given.
// $target: string or null; $q: string or null; $limit: integer
MATCH (n:Note)
WHERE ($target IS NULL OR n.target = $target)
  AND ($q IS NULL OR toLower(n.text) CONTAINS toLower($q))
RETURN n.id AS id, n.kind AS kind, n.target AS target, n.text AS text, n.author AS author, n.at AS at
ORDER BY n.at DESC, n.id
LIMIT $limit
