// At most one analyst note per id (notes are internal records beside the graph, not entities).
CREATE CONSTRAINT note_id IF NOT EXISTS
FOR (n:Note) REQUIRE n.id IS UNIQUE
