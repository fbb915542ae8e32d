// Delete one note; returns how many went (0 or 1).
// $id: string
OPTIONAL MATCH (n:Note {id: $id})
DETACH DELETE n
RETURN count(n) AS deleted
