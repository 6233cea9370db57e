// Creates REVERSED_BY relationships (Event -> Event) in the synthetic bulk load. The database was wiped
// first, so this CREATEs where the curated loader MERGEs, with the same properties
// (docs/data-model.md). Each end node is looked up once per batch, not once per row.
// Parameters:
//   $rows: list of lists, one per REVERSED_BY relationship, holding the columns below by position (the order of
//   LINK_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   $c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   $starts, $ends: lists of distinct Event / Event ids; columns 0 and 1 hold positions in them;
//   $dates: unused (no date columns).
//   Columns: 0 start (position in $starts), 1 end (position in $ends), 2 id, 3 citations, 4 sourceIds.
// Result: one row {written: integer}; 0 when an end node is missing (then nothing is written).
UNWIND range(0, size($starts) - 1) AS i
MATCH (n:Event {id: $starts[i]})
WITH i, n ORDER BY i
WITH collect(n) AS starts
UNWIND range(0, size($ends) - 1) AS i
MATCH (n:Event {id: $ends[i]})
WITH starts, i, n ORDER BY i
WITH starts, collect(n) AS ends
WHERE size(starts) = size($starts) AND size(ends) = size($ends)
UNWIND $rows AS r
WITH starts[coalesce(r[0], $c[0])] AS a, ends[coalesce(r[1], $c[1])] AS b, r
CREATE (a)-[:REVERSED_BY {
  id: coalesce(r[2], $c[2]),
  citations: coalesce(r[3], $c[3]),
  sourceIds: coalesce(r[4], $c[4])
}]->(b)
RETURN count(*) AS written
