// Benchmark only (bench/bench_ingest.py, the store's floor): relationships of ONE type ({{type}},
// from the vocabulary) with the properties the writer gives a new one, by the barest statement:
// find both ends by id, CREATE, set the map. No merge, no read of the claim.
// $rows: [{source, target, props}]
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:{{type}}]->(b)
SET r = row.props, r.created_at = datetime.statement(), r.updated_at = datetime.statement()
