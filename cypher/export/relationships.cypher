// Relationships for export with their time span: an interval's own from/to, a participation's
// event date, none for event links and sub-groups. Keeps those whose span overlaps the window.
// Parameters: $types: relationship types; $windowStart, $windowEnd: ISO days or null.
// Result: rows {id, type, source, target: string, properties: map, startDate, endDate: date|null}.
MATCH (s)-[r]->(t)
WHERE type(r) IN $types
WITH s, r, t,
     CASE type(r) WHEN 'PARTICIPATED_IN' THEN t.dateEarliest ELSE r.fromEarliest END AS startDate,
     CASE type(r) WHEN 'PARTICIPATED_IN' THEN t.dateLatest ELSE r.toLatest END AS endDate
WHERE ($windowEnd IS NULL OR startDate IS NULL OR startDate <= date($windowEnd))
  AND ($windowStart IS NULL OR endDate IS NULL OR endDate >= date($windowStart))
RETURN r.id AS id, type(r) AS type, s.id AS source, t.id AS target, properties(r) AS properties, startDate, endDate
