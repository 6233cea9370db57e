// Creates Event nodes (events/*.yaml) in the synthetic bulk load. The database was wiped first, so
// this CREATEs where the curated loader MERGEs, with the same properties (docs/data-model.md).
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per Event, holding the columns below by position (the order of
//   EVENT_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   dates: list of distinct ISO days; a (day) column holds a position in it.
//   Columns: 0 id, 1 kind, 2 title, 3 place, 4 summary, 5 certainty, 6 certaintyRank, 7 citations, 8 sourceIds, 9 dateIso, 10 datePrecision, 11 dateApprox, 12 dateEarliest (day), 13 dateLatest (day), 14 sourceFamilies.
// Result: one row {written: integer, created: list of [id, elementId] pairs, one per node}.
WITH $batch.c AS c, [day IN $batch.dates | date(day)] AS days
UNWIND $batch.rows AS r
CREATE (n:Event {
  id: coalesce(r[0], c[0]),
  kind: coalesce(r[1], c[1]),
  title: coalesce(r[2], c[2]),
  place: coalesce(r[3], c[3]),
  summary: coalesce(r[4], c[4]),
  certainty: coalesce(r[5], c[5]),
  certaintyRank: coalesce(r[6], c[6]),
  citations: coalesce(r[7], c[7]),
  sourceIds: coalesce(r[8], c[8]),
  dateIso: coalesce(r[9], c[9]),
  datePrecision: coalesce(r[10], c[10]),
  dateApprox: coalesce(r[11], c[11]),
  dateEarliest: days[coalesce(r[12], c[12])],
  dateLatest: days[coalesce(r[13], c[13])],
  sourceFamilies: coalesce(r[14], c[14])
})
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS created
