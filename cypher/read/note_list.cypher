// Notes, newest first: on one target when $target is given, containing $q (any case) when given; each
// with the name of the entity or document it is on (null for a link: its claim id is the target).
// $target: string or null; $q: string or null; $limit: integer
MATCH (n:Note)
WHERE ($target IS NULL OR n.target = $target)
  AND ($q IS NULL OR toLower(n.text) CONTAINS toLower($q))
WITH n ORDER BY n.at DESC, n.id LIMIT $limit
OPTIONAL MATCH (e:Entity {id: n.target})
RETURN n.id AS id, n.kind AS kind, n.target AS target, coalesce(e.name, e.title) AS target_name,
       n.text AS text, n.author AS author, n.at AS at
ORDER BY at DESC, id
