// Upserts TIE relationships (person a -> person b; the arrow means nothing when directed is false) by id and replaces all their properties.
// Parameters: $rows: list of {id: string, from: Person id, to: Person id, props: map of every property, dates: {fromEarliest, fromLatest, toEarliest, toLatest, possibleEarliest, possibleLatest, certainEarliest, certainLatest} as ISO day strings or null; the possible*/certain* days are the inferred span, docs/data-model.md "Time"}.
// Result: one row {written: integer}; fewer than the rows given means an end node is missing.
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Person {id: row.to})
MERGE (a)-[r:TIE {id: row.id}]->(b)
SET r = row.props,
    r.fromEarliest = date(row.dates.fromEarliest),
    r.fromLatest = date(row.dates.fromLatest),
    r.toEarliest = date(row.dates.toEarliest),
    r.toLatest = date(row.dates.toLatest),
    r.possibleEarliest = date(row.dates.possibleEarliest),
    r.possibleLatest = date(row.dates.possibleLatest),
    r.certainEarliest = date(row.dates.certainEarliest),
    r.certainLatest = date(row.dates.certainLatest)
RETURN count(r) AS written
