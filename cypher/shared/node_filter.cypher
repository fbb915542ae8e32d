// Shared part: written once here; statements carry copies of the marked part (between its begin
// and end markers, the variable renamed) that `python -m graph.queries --sync` keeps in step.
// The analyst's label filter on node y.
MATCH (y)
WHERE /*<node_filter y>*/((size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels)))/*</node_filter>*/
RETURN count(y) AS nodes
