// Benchmark only (bench/bench_ingest.py, the store's floor): entities that are not stored yet, with
// the properties the writer gives a new entity, by the barest statement (CREATE, no MERGE).
// $rows: [{id, labels, name, aliases, properties, fp}]
CYPHER replan=skip
UNWIND $rows AS row
CREATE (n:Entity {id: row.id})
SET n:$(row.labels), n += row.properties, n.name = row.name, n.aliases = row.aliases, n.upsert_fp = row.fp,
    n.created_at = datetime.statement(), n.updated_at = datetime.statement()
