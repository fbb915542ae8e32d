// Shared part: written once here; statements carry copies of the marked part (between its begin
// and end markers, the variable renamed) that `python -m graph.queries --sync` keeps in step.
// Claim r is retracted, by an analyst or its sources; retracted claims never count as links.
MATCH ()-[r]->()
WHERE /*<retracted r>*/(coalesce(r.status, 'reported') = 'retracted')/*</retracted>*/
RETURN count(r) AS retracted
