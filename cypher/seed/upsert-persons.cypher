// Upserts Person nodes by id and replaces all their properties (people/*.yaml).
// Parameters: $rows: list of {id: string, props: map of every property, dates: {bornEarliest, bornLatest, diedEarliest, diedLatest} as ISO day strings or null}.
// Result: one row {written: integer}, the number of rows written.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n = row.props,
    n.bornEarliest = date(row.dates.bornEarliest),
    n.bornLatest = date(row.dates.bornLatest),
    n.diedEarliest = date(row.dates.diedEarliest),
    n.diedLatest = date(row.dates.diedLatest)
RETURN count(n) AS written
