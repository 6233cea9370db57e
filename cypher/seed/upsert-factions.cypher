// Upserts Faction nodes by id and replaces all their properties (factions.yaml).
// Parameters: $rows: list of {id: string, props: map of every property, dates: {}}.
// Result: one row {written: integer}, the number of rows written.
UNWIND $rows AS row
MERGE (n:Faction {id: row.id})
SET n = row.props
RETURN count(n) AS written
