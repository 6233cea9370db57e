// Events for export whose date range overlaps the window.
// Parameters: $windowStart, $windowEnd: ISO days or null for an open side.
// Result: rows {id: string, properties: map, startDate: date|null, endDate: date|null}.
MATCH (e:Event)
WHERE ($windowEnd IS NULL OR e.dateEarliest IS NULL OR e.dateEarliest <= date($windowEnd))
  AND ($windowStart IS NULL OR e.dateLatest IS NULL OR e.dateLatest >= date($windowStart))
RETURN e.id AS id, properties(e) AS properties, e.dateEarliest AS startDate, e.dateLatest AS endDate
