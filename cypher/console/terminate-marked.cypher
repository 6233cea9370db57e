// Terminates the research console's transaction that carries $marker in its metadata (the
// console's Node-side deadline passed and Neo4j is still running it).
// Parameters: $marker (string): the `atlasConsole` metadata value the console transaction was begun with.
// Result: one row per terminated transaction { transactionId: string, message: string }.
SHOW TRANSACTIONS YIELD transactionId AS id, metaData
WHERE metaData.atlasConsole = $marker
TERMINATE TRANSACTIONS id
YIELD transactionId, message
RETURN transactionId, message
