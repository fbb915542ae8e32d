// Fragment (not a statement): claim r is retracted, by an analyst or its sources; retracted claims
// never count as links. Expanded by graph/readq.py.
coalesce(r.status, 'reported') = 'retracted'
