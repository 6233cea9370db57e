// faction-memberships: the memberships of some factions, with their member persons (what
// Faction.memberships and Faction.members read; the factions table, queries/factions, has none).
// params: $factionIds: [string]
// returns one row per faction of $factionIds that exists:
//   factionId: string,
//   memberships: [MEMBER_OF{.*, personId, factionId, person: Person{.*}}] ordered by possibleEarliest (the inferred start), then person id
UNWIND $factionIds AS factionId
MATCH (f:Faction {id: factionId})
RETURN
  f.id AS factionId,
  COLLECT {
    MATCH (p:Person)-[m:MEMBER_OF]->(f)
    RETURN m {.*, personId: p.id, factionId: f.id, person: p {.*}} AS m ORDER BY m.possibleEarliest, p.id
  } AS memberships
