// Tests only: set properties on the links source -type-> target (null matches any), e.g. a confidence.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($source IS NULL OR a.id = $source) AND ($type IS NULL OR type(r) = $type)
  AND ($target IS NULL OR b.id = $target)
SET r += $props
