// Waits until every index is online (after applying cypher/indexes, or a bulk load).
// Parameters: $seconds (integer): how long to wait before failing.
// Result: no rows; fails if an index is still populating after $seconds.
CALL db.awaitIndexes($seconds)
