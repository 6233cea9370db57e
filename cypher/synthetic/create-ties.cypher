// Creates TIE relationships (Person -> Person) in the synthetic bulk load. The database was wiped
// first, so this CREATEs where the curated loader MERGEs, with the same properties
// (docs/data-model.md). End nodes are found by element id (the node queries of the same load return
// them): no index look-up or lock per end node.
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per TIE relationship, holding the columns below by position (the order of
//   TIE_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   starts, ends: lists of distinct element ids of Person / Person nodes; columns 0 and 1 hold positions in them;
//   dates: list of distinct ISO days; a (day) column holds a position in it.
//   Columns: 0 start (position in starts), 1 end (position in ends), 2 id, 3 kind, 4 directed, 5 summary, 6 certainty, 7 certaintyRank, 8 citations, 9 sourceIds, 10 fromIso, 11 fromPrecision, 12 fromApprox, 13 toIso, 14 toPrecision, 15 toApprox, 16 fromEarliest (day), 17 fromLatest (day), 18 toEarliest (day), 19 toLatest (day), 20 bounds, 21 possibleEarliest (day), 22 possibleLatest (day), 23 certainEarliest (day), 24 certainLatest (day), 25 sourceFamilies.
// Result: one row {written: integer}; fewer than the rows when an end node is missing or has
// another label (the loader checks every end before sending, and treats a shortfall as an error).
WITH $batch.c AS c, $batch.starts AS starts, $batch.ends AS ends, [day IN $batch.dates | date(day)] AS days
UNWIND $batch.rows AS r
MATCH (a:Person) WHERE elementId(a) = starts[coalesce(r[0], c[0])]
MATCH (b:Person) WHERE elementId(b) = ends[coalesce(r[1], c[1])]
CREATE (a)-[:TIE {
  id: coalesce(r[2], c[2]),
  kind: coalesce(r[3], c[3]),
  directed: coalesce(r[4], c[4]),
  summary: coalesce(r[5], c[5]),
  certainty: coalesce(r[6], c[6]),
  certaintyRank: coalesce(r[7], c[7]),
  citations: coalesce(r[8], c[8]),
  sourceIds: coalesce(r[9], c[9]),
  fromIso: coalesce(r[10], c[10]),
  fromPrecision: coalesce(r[11], c[11]),
  fromApprox: coalesce(r[12], c[12]),
  toIso: coalesce(r[13], c[13]),
  toPrecision: coalesce(r[14], c[14]),
  toApprox: coalesce(r[15], c[15]),
  fromEarliest: days[coalesce(r[16], c[16])],
  fromLatest: days[coalesce(r[17], c[17])],
  toEarliest: days[coalesce(r[18], c[18])],
  toLatest: days[coalesce(r[19], c[19])],
  bounds: coalesce(r[20], c[20]),
  possibleEarliest: days[coalesce(r[21], c[21])],
  possibleLatest: days[coalesce(r[22], c[22])],
  certainEarliest: days[coalesce(r[23], c[23])],
  certainLatest: days[coalesce(r[24], c[24])],
  sourceFamilies: coalesce(r[25], c[25])
}]->(b)
RETURN count(*) AS written
