// The most relationships any one node has: how far a path can fan out at each hop, which bounds
// the paths a variable-length pattern of the research console can walk (server/src/db/console-budget.ts).
// Parameters: none.
// Result: one row { maxDegree: integer } (0 for an empty database).
MATCH (n)
RETURN coalesce(max(COUNT { (n)--() }), 0) AS maxDegree
