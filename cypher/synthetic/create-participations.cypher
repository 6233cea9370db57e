// Creates PARTICIPATED_IN relationships (Person -> Event) in the synthetic bulk load. The database
// was wiped first, so this CREATEs where the curated loader MERGEs, with the same properties
// (docs/data-model.md). End nodes are found by element id (the node queries of the same load return
// them): no index look-up or lock per end node.
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per PARTICIPATED_IN relationship, holding the columns below by position (the order of
//   PARTICIPATION_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   starts, ends: lists of distinct element ids of Person / Event nodes; columns 0 and 1 hold positions in them;
//   dates: unused (no date columns).
//   Columns: 0 start (position in starts), 1 end (position in ends), 2 id, 3 role, 4 citations, 5 sourceIds, 6 sourceFamilies.
// Result: one row {written: integer}; fewer than the rows when an end node is missing or has
// another label (the loader checks every end before sending, and treats a shortfall as an error).
WITH $batch.c AS c, $batch.starts AS starts, $batch.ends AS ends
UNWIND $batch.rows AS r
MATCH (a:Person) WHERE elementId(a) = starts[coalesce(r[0], c[0])]
MATCH (b:Event) WHERE elementId(b) = ends[coalesce(r[1], c[1])]
CREATE (a)-[:PARTICIPATED_IN {
  id: coalesce(r[2], c[2]),
  role: coalesce(r[3], c[3]),
  citations: coalesce(r[4], c[4]),
  sourceIds: coalesce(r[5], c[5]),
  sourceFamilies: coalesce(r[6], c[6])
}]->(b)
RETURN count(*) AS written
