// Pairs of entities of one coarse label that share neighbours through links (documents and their
// MENTIONS never count), so the duplicate queue sees pairs whose names differ.
// A neighbour with more than $max_degree links is a hub (a state links nearly everything) and is
// left out. Retracted claims never count.
// $coarse: the coarse labels of the vocabulary; $min_shared, $max_degree, $limit
MATCH (x:Entity)
WHERE NOT x:Document AND COUNT { (x)-[h]-(y:Entity) WHERE NOT y:Document } <= $max_degree
MATCH (a:Entity)-[r1]-(x)-[r2]-(b:Entity)
WHERE a.id < b.id AND NOT a:Document AND NOT b:Document
  AND NOT /*<retracted r1>*/(coalesce(r1.status, 'reported') = 'retracted')/*</retracted>*/
  AND NOT /*<retracted r2>*/(coalesce(r2.status, 'reported') = 'retracted')/*</retracted>*/
  AND any(l IN labels(a) WHERE l IN $coarse AND l IN labels(b))
WITH a, b, count(DISTINCT x) AS shared
WHERE shared >= $min_shared
RETURN a.id AS a, b.id AS b, shared
ORDER BY shared DESC, a, b
LIMIT $limit
