// For many documents at once: is each exact document (content hash id) already stored, and which
// older versions share its key? $docs: [{id, key}] (key may be null)
UNWIND $docs AS doc
OPTIONAL MATCH (same:Document {id: doc.id})
OPTIONAL MATCH (old:Document {key: doc.key}) WHERE doc.key IS NOT NULL AND old.id <> doc.id
RETURN doc.id AS id, same IS NOT NULL AS exists, collect(old.id) AS older
