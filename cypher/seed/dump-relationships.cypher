// Every curated relationship with its end ids and all its properties, for the content checksum.
// Parameters: $types: list of curated relationship types.
// Result: rows {type: string, start: string, end: string, properties: map}; unordered (the caller sorts).
MATCH (s)-[r]->(e)
WHERE type(r) IN $types
RETURN type(r) AS type, s.id AS start, e.id AS end, properties(r) AS properties
