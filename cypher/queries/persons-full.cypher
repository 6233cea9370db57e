// persons-full: full projections of the persons with the given ids (absent ids give no row).
// params: $ids: [string]
// returns one row per person:
//   person: Person{.*}
//   memberships: [MEMBER_OF{.*, personId, factionId, faction: Faction{.*}}]  ordered by fromEarliest
//   offices: [HELD{.*, officeId}]                                ordered by fromEarliest
//   participations: [{role, citations, personId, eventId, event: Event{.*}}]  ordered by date
//   ties: [TIE{.*, sourceId, targetId, source: Person{.*}, target: Person{.*}}]
MATCH (p:Person)
WHERE p.id IN $ids
RETURN
  p {.*} AS person,
  COLLECT {
    MATCH (p)-[m:MEMBER_OF]->(f:Faction)
    RETURN m {.*, personId: p.id, factionId: f.id, faction: f {.*}} AS m ORDER BY m.fromEarliest, f.id
  } AS memberships,
  COLLECT {
    MATCH (p)-[h:HELD]->(o:Office)
    RETURN h {.*, officeId: o.id} AS h ORDER BY h.fromEarliest, h.id
  } AS offices,
  COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
    RETURN r {.role, .citations, personId: p.id, eventId: e.id, event: e {.*}} AS r
    ORDER BY e.dateEarliest, e.dateLatest, e.id, r.role
  } AS participations,
  COLLECT {
    MATCH (p)-[t:TIE]-(:Person)
    WITH t, startNode(t) AS s, endNode(t) AS x
    RETURN t {.*, sourceId: s.id, targetId: x.id, source: s {.*}, target: x {.*}} AS t ORDER BY t.fromEarliest, t.id
  } AS ties
