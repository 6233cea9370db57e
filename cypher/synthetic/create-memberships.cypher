// Creates MEMBER_OF relationships (Person -> Faction) in the synthetic bulk load. The database was wiped
// first, so this CREATEs where the curated loader MERGEs, with the same properties
// (docs/data-model.md). Each end node is looked up once per batch, not once per row.
// Parameters:
//   $rows: list of lists, one per MEMBER_OF relationship, holding the columns below by position (the order of
//   MEMBERSHIP_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   $c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   $starts, $ends: lists of distinct Person / Faction ids; columns 0 and 1 hold positions in them;
//   $dates: list of distinct ISO days; a (day) column holds a position in it.
//   Columns: 0 start (position in $starts), 1 end (position in $ends), 2 id, 3 certainty, 4 certaintyRank, 5 citations, 6 sourceIds, 7 fromIso, 8 fromPrecision, 9 fromApprox, 10 toIso, 11 toPrecision, 12 toApprox, 13 fromEarliest (day), 14 fromLatest (day), 15 toEarliest (day), 16 toLatest (day).
// Result: one row {written: integer}; 0 when an end node is missing (then nothing is written).
UNWIND range(0, size($starts) - 1) AS i
MATCH (n:Person {id: $starts[i]})
WITH i, n ORDER BY i
WITH collect(n) AS starts
UNWIND range(0, size($ends) - 1) AS i
MATCH (n:Faction {id: $ends[i]})
WITH starts, i, n ORDER BY i
WITH starts, collect(n) AS ends
WHERE size(starts) = size($starts) AND size(ends) = size($ends)
WITH starts, ends, [day IN $dates | date(day)] AS days
UNWIND $rows AS r
WITH starts[coalesce(r[0], $c[0])] AS a, ends[coalesce(r[1], $c[1])] AS b, r, days
CREATE (a)-[:MEMBER_OF {
  id: coalesce(r[2], $c[2]),
  certainty: coalesce(r[3], $c[3]),
  certaintyRank: coalesce(r[4], $c[4]),
  citations: coalesce(r[5], $c[5]),
  sourceIds: coalesce(r[6], $c[6]),
  fromIso: coalesce(r[7], $c[7]),
  fromPrecision: coalesce(r[8], $c[8]),
  fromApprox: coalesce(r[9], $c[9]),
  toIso: coalesce(r[10], $c[10]),
  toPrecision: coalesce(r[11], $c[11]),
  toApprox: coalesce(r[12], $c[12]),
  fromEarliest: days[coalesce(r[13], $c[13])],
  fromLatest: days[coalesce(r[14], $c[14])],
  toEarliest: days[coalesce(r[15], $c[15])],
  toLatest: days[coalesce(r[16], $c[16])]
}]->(b)
RETURN count(*) AS written
