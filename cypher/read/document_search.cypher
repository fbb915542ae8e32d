// Stored documents (without their text) matching the list's search and filters, newest ingest first,
// one page of them with the number matching in all. Dates compare at the stored value's precision
// (a document of "2021-10" lies in a window from 2021-10-15); a date filter leaves undated ones out.
// $q: lower-case words in the title or publisher, or null; $publisher: exact publisher, or null;
// $date_from, $date_to: ISO date or prefix, or null; $reliability: grades A-F and 'ungraded' (empty or
// null: any); $limit, $skip
MATCH (d:Entity:Document)
WHERE ($q IS NULL OR toLower(coalesce(d.title, d.name, '')) CONTAINS $q
       OR toLower(coalesce(d.publisher, '')) CONTAINS $q)
  AND ($publisher IS NULL OR d.publisher = $publisher)
  AND ($date_from IS NULL OR toString(d.published) >= left($date_from, size(toString(d.published))))
  AND ($date_to IS NULL OR toString(d.published) <= left($date_to, size(toString(d.published))))
  AND (coalesce(size($reliability), 0) = 0 OR coalesce(d.reliability, 'ungraded') IN $reliability)
WITH d ORDER BY d.ingested_at DESC, d.id
WITH collect(d) AS found
RETURN size(found) AS total,
       [d IN found[$skip..$skip + $limit] | d {.id, .key, .title, .publisher, .author, .language, .reliability,
         .url, .chars, .ingested_at, published: toString(d.published),
         mentions: COUNT { (d)-[:MENTIONS]->() }}] AS items
