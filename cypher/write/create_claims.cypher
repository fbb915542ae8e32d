// Claims of ONE relationship type (the type slot, from the vocabulary) with an end that this
// transaction created (see upsert_nodes.cypher): none can exist yet, so they are CREATEd, not
// merged, with the same properties upsert_relationships.cypher gives a new claim. $rows carry
// them as one map (row.props, built in Python: extraction properties first, then the writer's own).
// $rows: [{source, target, props}]
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:/*type*/PARTY_TO]->(b)
SET r = row.props, r.created_at = datetime.statement(), r.updated_at = datetime.statement()
