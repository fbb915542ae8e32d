// Title, publisher, publication date, URL and reliability grade of the given documents (evidence citations).
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, d.published AS published, d.url AS url,
       d.reliability AS reliability
