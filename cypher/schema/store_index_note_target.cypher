// Notes are looked up by the item they are on (the page's Notes box, profiles, exports, reports).
CREATE INDEX note_target IF NOT EXISTS FOR (n:Note) ON (n.target)
