// Fragment (not a statement): what every link-analysis hop must be, whatever the analyst asks:
// one of the $types (never MENTIONS) and not a retracted claim. Expanded by graph/readq.py.
type(r) IN $types
AND NOT {{retracted(r)}}
