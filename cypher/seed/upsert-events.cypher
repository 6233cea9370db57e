// Upserts Event nodes by id and replaces all their properties (events/*.yaml).
// Parameters: $rows: list of {id: string, props: map of every property, dates: {dateEarliest, dateLatest} as ISO day strings or null}.
// Result: one row {written: integer}, the number of rows written.
UNWIND $rows AS row
MERGE (n:Event {id: row.id})
SET n = row.props,
    n.dateEarliest = date(row.dates.dateEarliest),
    n.dateLatest = date(row.dates.dateLatest)
RETURN count(n) AS written
