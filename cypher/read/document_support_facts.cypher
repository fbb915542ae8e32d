// What the confidence formula needs to know about supporting documents (publisher, publication
// date, reliability), read after the nodes are written. $ids: [document id]
UNWIND $ids AS id
MATCH (d:Entity {id: id})
RETURN d.id AS id, d.publisher AS publisher, toString(d.published) AS published, d.reliability AS reliability
