// Upserts SUBGROUP_OF relationships (faction -> parent faction) by id and replaces all their properties.
// Parameters: $rows: list of {id: string, from: Faction id, to: Faction id, props: map of every property}.
// Result: one row {written: integer}; fewer than the rows given means an end node is missing.
UNWIND $rows AS row
MATCH (a:Faction {id: row.from})
MATCH (b:Faction {id: row.to})
MERGE (a)-[r:SUBGROUP_OF {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS written
