// Node maps of the given entity ids (those that exist).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN {labels: labels(n), props: n {.*, text: null}} AS node
