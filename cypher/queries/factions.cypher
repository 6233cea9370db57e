// factions: every faction with its memberships and the member persons.
// params: none
// returns one row per faction, ordered by name:
//   faction: Faction{.*}, subgroupIds: [string],
//   memberships: [MEMBER_OF{.*, personId, factionId, person: Person{.*}}] ordered by possibleEarliest (the inferred start)
MATCH (f:Faction)
RETURN
  f {.*} AS faction,
  COLLECT { MATCH (s:Faction)-[:SUBGROUP_OF]->(f) RETURN s.id ORDER BY s.id } AS subgroupIds,
  COLLECT {
    MATCH (p:Person)-[m:MEMBER_OF]->(f)
    RETURN m {.*, personId: p.id, factionId: f.id, person: p {.*}} AS m ORDER BY m.possibleEarliest, p.id
  } AS memberships
ORDER BY f.name
