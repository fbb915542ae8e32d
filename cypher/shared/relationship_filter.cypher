// Shared part: written once here; statements carry copies of the marked part (between its begin
// and end markers, the variable renamed) that `python -m graph.queries --sync` keeps in step.
// The analyst filters on relationship r. Retracted claims never count (link_filter); missing
// confidence counts as 50; dates compare at the precision of the stored value ("2021-10" lies in a
// window from 2021-10-15); as_of keeps what was reported by then. Each optional test checks its
// parameter first, so an unset filter reads no property: on a path search that is one property read
// less per relationship expanded (about a third of the db hits). A begin marker that names a
// parameter after the variable (relationship_filter c context_types) takes the types from it.
MATCH ()-[r]->()
WHERE /*<relationship_filter r>*/(/*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND ($min_confidence = 0 OR coalesce(r.confidence, 50) >= $min_confidence)
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, '')))))/*</relationship_filter>*/
RETURN count(r) AS links
