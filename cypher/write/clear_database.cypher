// Remove every node and relationship (tests and `pactgraph reset`), in batches to bound memory.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
