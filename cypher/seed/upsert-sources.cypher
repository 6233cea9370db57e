// Upserts Source nodes by id and replaces all their properties (sources.yaml).
// Parameters: $rows: list of {id: string, props: map of every property, dates: {}}.
// Result: one row {written: integer}, the number of rows written.
UNWIND $rows AS row
MERGE (n:Source {id: row.id})
SET n = row.props
RETURN count(n) AS written
