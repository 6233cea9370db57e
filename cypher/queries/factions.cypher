// factions: every faction with its subgroups' ids (the factions table; each faction's memberships
// are read apart, by queries/faction-memberships, only when a request asks for them: at 100k
// synthetic persons they were about 330 MB of rows and most of a minute, paid by every request
// that named a faction).
// params: none
// returns one row per faction, ordered by name:
//   faction: Faction{.*}, subgroupIds: [string]
MATCH (f:Faction)
RETURN
  f {.*} AS faction,
  COLLECT { MATCH (s:Faction)-[:SUBGROUP_OF]->(f) RETURN s.id ORDER BY s.id } AS subgroupIds
ORDER BY f.name
