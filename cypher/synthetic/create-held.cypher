// Creates HELD relationships (Person -> Office) in the synthetic bulk load. The database was wiped
// first, so this CREATEs where the curated loader MERGEs, with the same properties
// (docs/data-model.md). End nodes are found by element id (the node queries of the same load return
// them): no index look-up or lock per end node.
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per HELD relationship, holding the columns below by position (the order of
//   HELD_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   starts, ends: lists of distinct element ids of Person / Office nodes; columns 0 and 1 hold positions in them;
//   dates: list of distinct ISO days; a (day) column holds a position in it.
//   Columns: 0 start (position in starts), 1 end (position in ends), 2 id, 3 title, 4 certainty, 5 certaintyRank, 6 citations, 7 sourceIds, 8 fromIso, 9 fromPrecision, 10 fromApprox, 11 toIso, 12 toPrecision, 13 toApprox, 14 fromEarliest (day), 15 fromLatest (day), 16 toEarliest (day), 17 toLatest (day), 18 bounds, 19 possibleEarliest (day), 20 possibleLatest (day), 21 certainEarliest (day), 22 certainLatest (day), 23 sourceFamilies.
// Result: one row {written: integer}; fewer than the rows when an end node is missing or has
// another label (the loader checks every end before sending, and treats a shortfall as an error).
WITH $batch.c AS c, $batch.starts AS starts, $batch.ends AS ends, [day IN $batch.dates | date(day)] AS days
UNWIND $batch.rows AS r
MATCH (a:Person) WHERE elementId(a) = starts[coalesce(r[0], c[0])]
MATCH (b:Office) WHERE elementId(b) = ends[coalesce(r[1], c[1])]
CREATE (a)-[:HELD {
  id: coalesce(r[2], c[2]),
  title: coalesce(r[3], c[3]),
  certainty: coalesce(r[4], c[4]),
  certaintyRank: coalesce(r[5], c[5]),
  citations: coalesce(r[6], c[6]),
  sourceIds: coalesce(r[7], c[7]),
  fromIso: coalesce(r[8], c[8]),
  fromPrecision: coalesce(r[9], c[9]),
  fromApprox: coalesce(r[10], c[10]),
  toIso: coalesce(r[11], c[11]),
  toPrecision: coalesce(r[12], c[12]),
  toApprox: coalesce(r[13], c[13]),
  fromEarliest: days[coalesce(r[14], c[14])],
  fromLatest: days[coalesce(r[15], c[15])],
  toEarliest: days[coalesce(r[16], c[16])],
  toLatest: days[coalesce(r[17], c[17])],
  bounds: coalesce(r[18], c[18]),
  possibleEarliest: days[coalesce(r[19], c[19])],
  possibleLatest: days[coalesce(r[20], c[20])],
  certainEarliest: days[coalesce(r[21], c[21])],
  certainLatest: days[coalesce(r[22], c[22])],
  sourceFamilies: coalesce(r[23], c[23])
}]->(b)
RETURN count(*) AS written
