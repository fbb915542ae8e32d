// Shared part: written once here; statements carry copies of the marked part (between its begin
// and end markers, the variable renamed) that `python -m graph.queries --sync` keeps in step.
// What every link-analysis hop must be, whatever the analyst asks: one of the $types (never
// MENTIONS) and not a retracted claim.
MATCH ()-[r]->()
WHERE /*<link_filter r>*/(type(r) IN $types
AND NOT /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/)/*</link_filter>*/
RETURN count(r) AS links
