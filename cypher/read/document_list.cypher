// Stored documents without their text, newest ingest first.
// $limit, $skip
MATCH (d:Entity:Document)
RETURN d.id AS id, d.key AS key, d.title AS title, d.publisher AS publisher, d.author AS author,
       toString(d.published) AS published, d.language AS language, d.reliability AS reliability,
       d.chars AS chars, d.ingested_at AS ingested_at, COUNT { (d)-[:MENTIONS]->() } AS mentions
ORDER BY d.ingested_at DESC, d.id
SKIP $skip LIMIT $limit
