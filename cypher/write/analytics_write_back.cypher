// Store networkx measures on entities for Browser styling (pg_* properties, overwritten each run).
// $rows: [{id, degree, betweenness, pagerank, community}]
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.pg_degree = row.degree, n.pg_betweenness = row.betweenness, n.pg_pagerank = row.pagerank,
    n.pg_community = row.community
RETURN count(n) AS written
