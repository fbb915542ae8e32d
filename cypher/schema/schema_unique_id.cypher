// Uniqueness of the stable id on one vocabulary label (the label slot is filled from the vocabulary only).
CREATE CONSTRAINT /*label*/Entity_id IF NOT EXISTS
FOR (n:/*label*/Entity) REQUIRE n.id IS UNIQUE
