// Persons for export, each with the span it occupies on a timeline: its faction memberships
// where they give dates, else its life span. Keeps persons whose span overlaps the window.
// Parameters: $windowStart, $windowEnd: ISO days ("1950-01-01") or null for an open side.
// Result: rows {id: string, properties: map, startDate: date|null, endDate: date|null}.
MATCH (p:Person)
OPTIONAL MATCH (p)-[m:MEMBER_OF]->(:Faction)
WITH p, min(m.fromEarliest) AS memberFrom, max(m.toLatest) AS memberTo, count(m) AS memberships, count(m.toLatest) AS closed
WITH p,
     coalesce(memberFrom, p.bornEarliest) AS startDate,
     CASE WHEN memberships > 0 AND closed = memberships THEN memberTo ELSE p.diedLatest END AS endDate
WHERE ($windowEnd IS NULL OR startDate IS NULL OR startDate <= date($windowEnd))
  AND ($windowStart IS NULL OR endDate IS NULL OR endDate >= date($windowStart))
RETURN p.id AS id, properties(p) AS properties, startDate, endDate
