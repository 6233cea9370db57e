// Relationships for export with their time span: a participation's event date; for a membership,
// office or tie the span where it may hold under the time model (possibleEarliest..possibleLatest,
// docs/data-model.md "Time"; its `bounds` property says what each end rests on); none for event
// links and sub-groups. An undated interval has no span: it is left out of windowed exports, never
// read as "always". Keeps those whose span overlaps the window.
// Parameters: $types: relationship types; $windowStart, $windowEnd: ISO days or null.
// Result: rows {id, type, source, target: string, properties: map, startDate, endDate: date|null}.
MATCH (s)-[r]->(t)
WHERE type(r) IN $types
WITH s, r, t,
     CASE type(r) WHEN 'PARTICIPATED_IN' THEN t.dateEarliest ELSE r.possibleEarliest END AS startDate,
     CASE type(r) WHEN 'PARTICIPATED_IN' THEN t.dateLatest ELSE r.possibleLatest END AS endDate,
     type(r) IN ['PARTICIPATED_IN', 'MEMBER_OF', 'HELD', 'TIE'] AS timed
WHERE NOT timed
   OR (($windowEnd IS NULL OR startDate <= date($windowEnd)) AND ($windowStart IS NULL OR endDate >= date($windowStart)))
   OR ($windowEnd IS NULL AND $windowStart IS NULL)
RETURN r.id AS id, type(r) AS type, s.id AS source, t.id AS target, properties(r) AS properties, startDate, endDate
