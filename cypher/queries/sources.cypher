// sources: every source.
// params: none
// returns one row per source ordered by id: source: Source{.*}
MATCH (s:Source)
RETURN s {.*} AS source
ORDER BY s.id
