// Upserts REVERSED_BY relationships (event link) by id and replaces all their properties.
// Parameters: $rows: list of {id: string, from: Event id, to: Event id, props: map of every property}.
// Result: one row {written: integer}; fewer than the rows given means an end node is missing.
UNWIND $rows AS row
MATCH (a:Event {id: row.from})
MATCH (b:Event {id: row.to})
MERGE (a)-[r:REVERSED_BY {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS written
