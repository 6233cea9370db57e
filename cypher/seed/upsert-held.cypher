// Upserts HELD relationships (person -> office) by id and replaces all their properties.
// Parameters: $rows: list of {id: string, from: Person id, to: Office id, props: map of every property, dates: {fromEarliest, fromLatest, toEarliest, toLatest} as ISO day strings or null}.
// Result: one row {written: integer}; fewer than the rows given means an end node is missing.
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Office {id: row.to})
MERGE (a)-[r:HELD {id: row.id}]->(b)
SET r = row.props,
    r.fromEarliest = date(row.dates.fromEarliest),
    r.fromLatest = date(row.dates.fromLatest),
    r.toEarliest = date(row.dates.toEarliest),
    r.toLatest = date(row.dates.toLatest)
RETURN count(r) AS written
