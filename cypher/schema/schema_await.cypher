// Block until every index is online, so a search right after start sees all data.
CALL db.awaitIndexes(300)
