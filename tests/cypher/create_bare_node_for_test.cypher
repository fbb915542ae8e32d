// CREATE (not MERGE) of a keyed node: lets a test prove the uniqueness constraint holds.
CREATE (:Entity:Actor:State {id: $id})
