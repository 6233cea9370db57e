// Deletes up to $limit nodes (with their relationships) from the synthetic database; the caller
// repeats it, one transaction each, until nothing is left, so no transaction grows too large.
// Parameters: $limit: integer.
// Result: one row {deleted: integer}.
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
