// The labels that carry a constraint (schema checks and `pactgraph status`).
SHOW CONSTRAINTS YIELD labelsOrTypes
RETURN labelsOrTypes[0] AS label
