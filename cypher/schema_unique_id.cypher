// Uniqueness of the stable id on one vocabulary label ({{label}} is filled from the vocabulary only).
CREATE CONSTRAINT {{label}}_id IF NOT EXISTS
FOR (n:{{label}}) REQUIRE n.id IS UNIQUE
