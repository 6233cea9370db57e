// Deletes curated relationships that the seed no longer contains. The key includes both end
// ids, so a relationship whose id stayed but whose ends changed is deleted and re-created.
// Parameters: $types: list of curated relationship types; $keep: list of "TYPE:id:startId:endId" strings.
// Result: one row {deleted: integer}.
MATCH (s)-[r]->(e)
WHERE type(r) IN $types
  AND NOT ((type(r) + ':' + r.id + ':' + s.id + ':' + e.id) IN $keep)
DELETE r
RETURN count(*) AS deleted
