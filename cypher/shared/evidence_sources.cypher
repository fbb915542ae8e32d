// Shared part: written once here; statements carry copies of the marked part (between its begin
// and end markers, the variable renamed) that `python -m graph.queries --sync` keeps in step.
// The documents that relationship r cites as evidence, each as title, publisher, date, URL and
// reliability, in the order it cites them.
MATCH ()-[r]->()
RETURN /*<evidence_sources r>*/[did IN coalesce(r.evidence_documents, []) | COLLECT { MATCH (d:Document {id: did}) RETURN d {.id, .title, .publisher, .published, .url, .reliability} }[0]]/*</evidence_sources>*/ AS sources
LIMIT 1
