// Upserts Office nodes by id and replaces all their properties (one per distinct office title).
// Parameters: $rows: list of {id: string, props: map of every property, dates: {}}.
// Result: one row {written: integer}, the number of rows written.
UNWIND $rows AS row
MERGE (n:Office {id: row.id})
SET n = row.props
RETURN count(n) AS written
