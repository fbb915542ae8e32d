// At most one saved investigation per id (an analyst's chart, outside the entity vocabulary).
CREATE CONSTRAINT investigation_id IF NOT EXISTS
FOR (i:Investigation) REQUIRE i.id IS UNIQUE
