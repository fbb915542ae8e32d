// Benchmark only: bulk-create synthetic entities (ids are fresh; CREATE is fine in an empty store).
// $rows: [{id, labels, name}]
UNWIND $rows AS row
CREATE (n:Entity {id: row.id, name: row.name, aliases: []})
SET n:$(row.labels)
