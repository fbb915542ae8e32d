// Links chosen by claim id, with both their ends: a report on a selection of relationships (never
// MENTIONS, never retracted).
// $ids: list of claim ids
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.claim_id IN $ids AND type(r) <> 'MENTIONS' AND coalesce(r.status, 'reported') <> 'retracted'
RETURN {labels: labels(a), props: a {.*, text: null}} AS source,
       {labels: labels(b), props: b {.*, text: null}} AS target,
       {id: elementId(r), type: type(r), source: a.id, target: b.id, props: properties(r)} AS rel
