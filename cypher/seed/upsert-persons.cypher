// Upserts Person nodes by id and replaces all their properties (people/*.yaml).
// Parameters: $rows: list of {id: string, props: map of every property, dates: {bornEarliest, bornLatest, diedEarliest, diedLatest, attestedEarliest (first day of the first attested fact), carriedLatest (last day a status is carried after the last one)} as ISO day strings or null}.
// Result: one row {written: integer}, the number of rows written.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n = row.props,
    n.bornEarliest = date(row.dates.bornEarliest),
    n.bornLatest = date(row.dates.bornLatest),
    n.diedEarliest = date(row.dates.diedEarliest),
    n.diedLatest = date(row.dates.diedLatest),
    n.attestedEarliest = date(row.dates.attestedEarliest),
    n.carriedLatest = date(row.dates.carriedLatest)
RETURN count(n) AS written
