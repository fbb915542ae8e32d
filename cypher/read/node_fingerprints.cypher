// Which upsert rows would change something: those of entities not stored yet, and of entities
// whose writer fingerprint (the hash of the last upsert row applied; null once an analyst changed
// the entity) differs. The others are skipped: no write, and no lock on the hubs every document
// names. One record (a list), so thousands of ids cost one decode, not thousands.
// $rows: [{id, fp}]
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {id: row.id})
WITH row WHERE n IS NULL OR n.upsert_fp IS NULL OR n.upsert_fp <> row.fp
RETURN collect(row.id) AS changed
