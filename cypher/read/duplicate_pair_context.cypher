// What tells for or against two entities being one, for each candidate pair: the neighbours they
// share (through links that are not retracted; documents never count), the places each is in (LOCATED_IN / PART_OF
// targets), whether one is inside the other, and whether an analyst already split them (a merge of
// the two that was undone).
// $candidates: [{a, b}]
UNWIND $candidates AS pair
MATCH (a:Entity {id: pair.a})
MATCH (b:Entity {id: pair.b})
CALL (a, b) {
  OPTIONAL MATCH (a)-[r1]-(x:Entity)-[r2]-(b)
  WHERE x <> a AND x <> b AND NOT x:Document
    AND NOT /*<retracted r1>*/(coalesce(r1.status, 'reported') = 'retracted')/*</retracted>*/
    AND NOT /*<retracted r2>*/(coalesce(r2.status, 'reported') = 'retracted')/*</retracted>*/
  WITH DISTINCT x ORDER BY x.name
  RETURN collect(x {.id, .name}) AS shared
}
CALL (a) {
  OPTIONAL MATCH (a)-[p:LOCATED_IN|PART_OF]->(place:Entity)
  WHERE NOT /*<retracted p>*/(coalesce(p.status, 'reported') = 'retracted')/*</retracted>*/
  RETURN collect(DISTINCT place {.id, .name}) AS a_in
}
CALL (b) {
  OPTIONAL MATCH (b)-[q:LOCATED_IN|PART_OF]->(place:Entity)
  WHERE NOT /*<retracted q>*/(coalesce(q.status, 'reported') = 'retracted')/*</retracted>*/
  RETURN collect(DISTINCT place {.id, .name}) AS b_in
}
RETURN pair.a AS a, pair.b AS b, shared, a_in, b_in,
       EXISTS {
         MATCH (a)-[n:LOCATED_IN|PART_OF]-(b)
         WHERE NOT /*<retracted n>*/(coalesce(n.status, 'reported') = 'retracted')/*</retracted>*/
       } AS nested,
       EXISTS {
         MATCH (rec:MergeRecord)
         WHERE NOT rec.active AND ((rec.from_id = a.id AND rec.into_id = b.id)
                                   OR (rec.from_id = b.id AND rec.into_id = a.id))
       } AS split
