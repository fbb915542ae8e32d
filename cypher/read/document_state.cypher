// Is this exact document (content hash id) already stored, and which older versions share its key?
// $id: document id, $key: version key (may be null)
OPTIONAL MATCH (same:Document {id: $id})
OPTIONAL MATCH (old:Document {key: $key}) WHERE $key IS NOT NULL AND old.id <> $id
RETURN same IS NOT NULL AS exists, same.reliability AS reliability, collect(old.id) AS older
