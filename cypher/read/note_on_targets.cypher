// The notes on any of the given items (entity or document ids, claim ids), oldest first per item:
// what an export or a report carries beside each item.
// $targets: list of strings
UNWIND $targets AS target
MATCH (n:Note {target: target})
RETURN n.id AS id, n.kind AS kind, n.target AS target, n.text AS text, n.author AS author, n.at AS at
ORDER BY n.target, n.at, n.id
