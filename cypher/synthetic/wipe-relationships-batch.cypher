// Deletes up to $limit relationships from the synthetic database; the caller repeats it, one
// transaction each, until nothing is left, then deletes the nodes (wipe-batch), so no
// transaction has to detach a whole dense neighbourhood at once.
// Parameters: $limit: integer.
// Result: one row {deleted: integer}.
MATCH ()-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
