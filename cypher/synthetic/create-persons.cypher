// Creates Person nodes (people/*.yaml) in the synthetic bulk load. The database was wiped first, so
// this CREATEs where the curated loader MERGEs, with the same properties (docs/data-model.md).
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per Person, holding the columns below by position (the order of
//   PERSON_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   dates: list of distinct ISO days; a (day) column holds a position in it.
//   Columns: 0 id, 1 name, 2 hangul, 3 hanja, 4 aliases, 5 aliasSystems, 6 searchKeys, 7 summary, 8 disambiguation, 9 bornClaims, 10 diedClaims, 11 namesCitations, 12 citations, 13 sourceIds, 14 bornIso, 15 bornPrecision, 16 bornApprox, 17 diedIso, 18 diedPrecision, 19 diedApprox, 20 bornEarliest (day), 21 bornLatest (day), 22 diedEarliest (day), 23 diedLatest (day), 24 evidence, 25 attestedEarliest (day), 26 carriedLatest (day), 27 sourceFamilies.
// Result: one row {written: integer, created: list of [id, elementId] pairs, one per node}.
WITH $batch.c AS c, [day IN $batch.dates | date(day)] AS days
UNWIND $batch.rows AS r
CREATE (n:Person {
  id: coalesce(r[0], c[0]),
  name: coalesce(r[1], c[1]),
  hangul: coalesce(r[2], c[2]),
  hanja: coalesce(r[3], c[3]),
  aliases: coalesce(r[4], c[4]),
  aliasSystems: coalesce(r[5], c[5]),
  searchKeys: coalesce(r[6], c[6]),
  summary: coalesce(r[7], c[7]),
  disambiguation: coalesce(r[8], c[8]),
  bornClaims: coalesce(r[9], c[9]),
  diedClaims: coalesce(r[10], c[10]),
  namesCitations: coalesce(r[11], c[11]),
  citations: coalesce(r[12], c[12]),
  sourceIds: coalesce(r[13], c[13]),
  bornIso: coalesce(r[14], c[14]),
  bornPrecision: coalesce(r[15], c[15]),
  bornApprox: coalesce(r[16], c[16]),
  diedIso: coalesce(r[17], c[17]),
  diedPrecision: coalesce(r[18], c[18]),
  diedApprox: coalesce(r[19], c[19]),
  bornEarliest: days[coalesce(r[20], c[20])],
  bornLatest: days[coalesce(r[21], c[21])],
  diedEarliest: days[coalesce(r[22], c[22])],
  diedLatest: days[coalesce(r[23], c[23])],
  evidence: coalesce(r[24], c[24]),
  attestedEarliest: days[coalesce(r[25], c[25])],
  carriedLatest: days[coalesce(r[26], c[26])],
  sourceFamilies: coalesce(r[27], c[27])
})
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS created
