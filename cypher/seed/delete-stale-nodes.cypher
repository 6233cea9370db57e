// Deletes curated nodes that the seed no longer contains, with their relationships. With an
// empty $keep it deletes every curated node (npm run seed -- --reset).
// Parameters: $labels: list of curated labels; $keep: list of "Label:id" strings to keep.
// Result: one row {deleted: integer}.
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
  AND NOT (([label IN labels(n) WHERE label IN $labels][0] + ':' + n.id) IN $keep)
DETACH DELETE n
RETURN count(*) AS deleted
