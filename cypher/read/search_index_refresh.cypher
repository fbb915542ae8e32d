// Wait until the eventually consistent full-text index reflects every committed write.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
