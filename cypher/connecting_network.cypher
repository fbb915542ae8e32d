// The i2-style connecting network: all shortest paths between each pair of the given entities,
// analyst filters inside the pattern. $pairs: [[id, id]]; $max_hops: 1..6; $per_pair: cap on paths.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]}), (b:Entity {id: pair[1]})
CALL (a, b) {
  MATCH p = ALL SHORTEST (a)(()-[r WHERE {{relationship_filter(r)}}]-(y WHERE y = b OR {{node_filter(y)}})){1,6}(b)
  WHERE length(p) <= $max_hops
  RETURN p LIMIT $per_pair
}
RETURN [n IN nodes(p) | {labels: labels(n), props: n {.*, text: null}}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), type: type(r), source: startNode(r).id,
                                 target: endNode(r).id, props: properties(r)}] AS rels
