// Exercises an actor took part in, itself or through a subordinate body (PART_OF up to three
// levels), or that an agreement it is party to provides for. Paged.
// $id: actor id; filters as in graph/readq.py.
MATCH (a:Entity {id: $id})
CALL (a) {
  MATCH p = (a)(()<-[c WHERE type(c) = 'PART_OF' AND {{relationship_filter(c)}}]-()){0,3}(:Actor)-[r WHERE type(r) = 'PARTICIPATES_IN' AND {{relationship_filter(r)}}]->(:Exercise)
  RETURN p
  UNION
  MATCH p = (a)(()<-[c WHERE type(c) = 'PART_OF' AND {{relationship_filter(c)}}]-()){0,3}(:Actor)-[r0 WHERE type(r0) = 'PARTY_TO' AND {{relationship_filter(r0)}}]->(:Agreement)
            -[r WHERE type(r) = 'PROVIDES_FOR' AND {{relationship_filter(r)}}]->(:Exercise)
  RETURN p
}
WITH p ORDER BY length(p), last(nodes(p)).name SKIP $skip LIMIT $limit
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r)}] AS rels
