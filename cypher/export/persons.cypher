// Persons for export, each with the span it occupies on a timeline under the time model
// (docs/data-model.md, "Time"): from the first attested fact to the recorded death, else to the
// end of the evidence (the last attested fact plus the fade). A person with no dated fact has no
// span and is left out of windowed exports. Keeps persons whose span overlaps the window.
// Parameters: $windowStart, $windowEnd: ISO days ("1950-01-01") or null for an open side.
// Result: rows {id: string, properties: map, startDate: date|null, endDate: date|null}.
MATCH (p:Person)
WITH p, p.attestedEarliest AS startDate, coalesce(p.diedLatest, p.carriedLatest) AS endDate
WHERE ($windowEnd IS NULL OR startDate <= date($windowEnd))
  AND ($windowStart IS NULL OR endDate >= date($windowStart))
RETURN p.id AS id, properties(p) AS properties, startDate, endDate
