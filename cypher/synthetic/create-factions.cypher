// Creates Faction nodes (factions.yaml) in the synthetic bulk load. The database was wiped first,
// so this CREATEs where the curated loader MERGEs, with the same properties (docs/data-model.md).
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per Faction, holding the columns below by position (the order of
//   FACTION_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   dates: list of distinct ISO days; a (day) column holds a position in it.
//   Columns: 0 id, 1 name, 2 aliases, 3 parentId, 4 description, 5 citations, 6 sourceIds, 7 lifespan, 8 formedIso, 9 formedPrecision, 10 formedApprox, 11 dissolvedIso, 12 dissolvedPrecision, 13 dissolvedApprox, 14 formedEarliest (day), 15 formedLatest (day), 16 dissolvedEarliest (day), 17 dissolvedLatest (day).
// Result: one row {written: integer, created: list of [id, elementId] pairs, one per node}.
WITH $batch.c AS c, [day IN $batch.dates | date(day)] AS days
UNWIND $batch.rows AS r
CREATE (n:Faction {
  id: coalesce(r[0], c[0]),
  name: coalesce(r[1], c[1]),
  aliases: coalesce(r[2], c[2]),
  parentId: coalesce(r[3], c[3]),
  description: coalesce(r[4], c[4]),
  citations: coalesce(r[5], c[5]),
  sourceIds: coalesce(r[6], c[6]),
  lifespan: coalesce(r[7], c[7]),
  formedIso: coalesce(r[8], c[8]),
  formedPrecision: coalesce(r[9], c[9]),
  formedApprox: coalesce(r[10], c[10]),
  dissolvedIso: coalesce(r[11], c[11]),
  dissolvedPrecision: coalesce(r[12], c[12]),
  dissolvedApprox: coalesce(r[13], c[13]),
  formedEarliest: days[coalesce(r[14], c[14])],
  formedLatest: days[coalesce(r[15], c[15])],
  dissolvedEarliest: days[coalesce(r[16], c[16])],
  dissolvedLatest: days[coalesce(r[17], c[17])]
})
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS created
