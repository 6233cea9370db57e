// Every index (constraints included, through their backing indexes) and its state, so a caller
// can check that the schema of cypher/indexes is complete and online after a synthetic load.
// Parameters: none.
// Result: rows {name: string, state: string}.
SHOW INDEXES YIELD name, state
RETURN name, state
