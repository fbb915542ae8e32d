// Fragment (not a statement): the label filter on node y, expanded by graph/readq.py.
(size($labels) = 0 OR any(l IN labels(y) WHERE l IN $labels))
