// Fragment (not a statement): the analyst filters on relationship r, expanded by graph/readq.py.
// Retracted claims never count; missing confidence counts as 50; dates compare at the precision
// of the stored value ("2021-10" lies in a window from 2021-10-15); as_of keeps what was reported by then.
type(r) IN $types
AND coalesce(r.status, 'reported') <> 'retracted'
AND (size($status) = 0 OR coalesce(r.status, 'reported') IN $status)
AND coalesce(r.confidence, 50) >= $min_confidence
AND ($date_from IS NULL OR coalesce(r.date, r.first_reported) >= left($date_from, size(coalesce(r.date, r.first_reported, ''))))
AND ($date_to IS NULL OR coalesce(r.date, r.first_reported) <= left($date_to, size(coalesce(r.date, r.first_reported, ''))))
AND ($as_of IS NULL OR coalesce(r.first_reported, r.published) <= left($as_of, size(coalesce(r.first_reported, r.published, ''))))
