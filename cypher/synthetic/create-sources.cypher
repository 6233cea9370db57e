// Creates Source nodes (sources.yaml) in the synthetic bulk load. The database was wiped first, so
// this CREATEs where the curated loader MERGEs, with the same properties (docs/data-model.md).
// Parameters: $batch, one map (a single parameter, so the plan cache key does not change with
// the sizes of the lists inside it) with:
//   rows: list of lists, one per Source, holding the columns below by position (the order of
//   SOURCE_COLUMNS in server/src/seed/load-synthetic.ts, which builds these parameters);
//   c: list, one entry per column: the value shared by every row of the batch, or null where
//   rows differ (a row holds null in a shared column, and may stop before trailing nulls);
//   dates: unused (no date columns).
//   Columns: 0 id, 1 title, 2 author, 3 year, 4 publication, 5 file, 6 kind, 7 family.
// Result: one row {written: integer, created: list of [id, elementId] pairs, one per node}.
WITH $batch.c AS c
UNWIND $batch.rows AS r
CREATE (n:Source {
  id: coalesce(r[0], c[0]),
  title: coalesce(r[1], c[1]),
  author: coalesce(r[2], c[2]),
  year: coalesce(r[3], c[3]),
  publication: coalesce(r[4], c[4]),
  file: coalesce(r[5], c[5]),
  kind: coalesce(r[6], c[6]),
  family: coalesce(r[7], c[7])
})
RETURN count(*) AS written, collect([n.id, elementId(n)]) AS created
