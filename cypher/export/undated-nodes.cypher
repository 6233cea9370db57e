// Factions and offices for export; they carry no dates, so the window does not filter them here
// (the exporter drops offices that no exported HELD edge reaches).
// Parameters: none.
// Result: rows {label: 'Faction'|'Office', id: string, properties: map}.
MATCH (n)
WHERE n:Faction OR n:Office
RETURN CASE WHEN n:Faction THEN 'Faction' ELSE 'Office' END AS label, n.id AS id, properties(n) AS properties
