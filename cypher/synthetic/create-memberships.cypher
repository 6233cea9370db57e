// Creates MEMBER_OF relationships (Person -> Faction) in the synthetic bulk load. The database was
// wiped first, so this CREATEs where the curated loader MERGEs, with the same properties
// (docs/data-model.md). End nodes are found by element id (the node queries of the same load return
// them): no index look-up or lock per end node.
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per MEMBER_OF relationship, holding the columns below by position (the order of
//   MEMBERSHIP_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   starts, ends: lists of distinct element ids of Person / Faction nodes; columns 0 and 1 hold positions in them;
//   dates: list of distinct ISO days; a (day) column holds a position in it.
//   Columns: 0 start (position in starts), 1 end (position in ends), 2 id, 3 certainty, 4 certaintyRank, 5 citations, 6 sourceIds, 7 fromIso, 8 fromPrecision, 9 fromApprox, 10 toIso, 11 toPrecision, 12 toApprox, 13 fromEarliest (day), 14 fromLatest (day), 15 toEarliest (day), 16 toLatest (day), 17 bounds, 18 possibleEarliest (day), 19 possibleLatest (day), 20 certainEarliest (day), 21 certainLatest (day), 22 sourceFamilies.
// Result: one row {written: integer}; fewer than the rows when an end node is missing or has
// another label (the loader checks every end before sending, and treats a shortfall as an error).
WITH $batch.c AS c, $batch.starts AS starts, $batch.ends AS ends, [day IN $batch.dates | date(day)] AS days
UNWIND $batch.rows AS r
MATCH (a:Person) WHERE elementId(a) = starts[coalesce(r[0], c[0])]
MATCH (b:Faction) WHERE elementId(b) = ends[coalesce(r[1], c[1])]
CREATE (a)-[:MEMBER_OF {
  id: coalesce(r[2], c[2]),
  certainty: coalesce(r[3], c[3]),
  certaintyRank: coalesce(r[4], c[4]),
  citations: coalesce(r[5], c[5]),
  sourceIds: coalesce(r[6], c[6]),
  fromIso: coalesce(r[7], c[7]),
  fromPrecision: coalesce(r[8], c[8]),
  fromApprox: coalesce(r[9], c[9]),
  toIso: coalesce(r[10], c[10]),
  toPrecision: coalesce(r[11], c[11]),
  toApprox: coalesce(r[12], c[12]),
  fromEarliest: days[coalesce(r[13], c[13])],
  fromLatest: days[coalesce(r[14], c[14])],
  toEarliest: days[coalesce(r[15], c[15])],
  toLatest: days[coalesce(r[16], c[16])],
  bounds: coalesce(r[17], c[17]),
  possibleEarliest: days[coalesce(r[18], c[18])],
  possibleLatest: days[coalesce(r[19], c[19])],
  certainEarliest: days[coalesce(r[20], c[20])],
  certainLatest: days[coalesce(r[21], c[21])],
  sourceFamilies: coalesce(r[22], c[22])
}]->(b)
RETURN count(*) AS written
