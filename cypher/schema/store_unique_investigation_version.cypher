// At most one version per number of an investigation: a backstop against two saves numbering alike.
CREATE CONSTRAINT investigation_version IF NOT EXISTS
FOR (v:InvestigationVersion) REQUIRE (v.investigation, v.number) IS UNIQUE
