// Upserts Faction nodes by id and replaces all their properties (factions.yaml).
// Parameters: $rows: list of {id: string, props: map of every property, dates: {formedEarliest, formedLatest, dissolvedEarliest, dissolvedLatest} as ISO day strings or null}.
// Result: one row {written: integer}, the number of rows written.
UNWIND $rows AS row
MERGE (n:Faction {id: row.id})
SET n = row.props,
    n.formedEarliest = date(row.dates.formedEarliest),
    n.formedLatest = date(row.dates.formedLatest),
    n.dissolvedEarliest = date(row.dates.dissolvedEarliest),
    n.dissolvedLatest = date(row.dates.dissolvedLatest)
RETURN count(n) AS written
