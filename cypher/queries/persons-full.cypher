// persons-full: projections of the persons with the given ids (absent ids give no row), with
// only the collections asked for (server/src/graphql/person-projection.ts decides from the
// GraphQL selection; nested lookups ask for everything). A collection not asked for is [].
// Dates (...Earliest, ...Latest) come as 'YYYY-MM-DD' strings: the driver's temporal decoding
// was a quarter of the client-side cost of a large person.
// params: $ids: [string]
//         $withMemberships, $withOffices, $withParticipations, $withTies: boolean
//         $withTieEnds: boolean (full person maps at the tie ends; false: their ids and names only)
// returns one row per person:
//   person: Person{.*}
//   memberships: [MEMBER_OF{.*, personId, factionId, faction: Faction{.*}}]  ordered by fromEarliest
//   offices: [HELD{.*, officeId}]                                ordered by fromEarliest
//   participations: [{role, citations, personId, eventId, event: Event{.*, reversedBy: [Event{.*}] (the events that undid it)}}]  ordered by date
//   ties: [TIE{.*, sourceId, targetId, sourceName, targetName,
//              source: Person{.*} | null, target: Person{.*} | null}]  (null unless $withTieEnds)
MATCH (p:Person)
WHERE p.id IN $ids
RETURN
  p {.*, bornEarliest: toString(p.bornEarliest), bornLatest: toString(p.bornLatest), diedEarliest: toString(p.diedEarliest), diedLatest: toString(p.diedLatest)} AS person,
  COLLECT {
    MATCH (p)-[m:MEMBER_OF]->(f:Faction)
    WHERE $withMemberships
    RETURN m {.*, fromEarliest: toString(m.fromEarliest), fromLatest: toString(m.fromLatest), toEarliest: toString(m.toEarliest), toLatest: toString(m.toLatest), personId: p.id, factionId: f.id, faction: f {.*}} AS membership ORDER BY m.fromEarliest, f.id
  } AS memberships,
  COLLECT {
    MATCH (p)-[h:HELD]->(o:Office)
    WHERE $withOffices
    RETURN h {.*, fromEarliest: toString(h.fromEarliest), fromLatest: toString(h.fromLatest), toEarliest: toString(h.toEarliest), toLatest: toString(h.toLatest), officeId: o.id} AS office ORDER BY h.fromEarliest, h.id
  } AS offices,
  COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
    WHERE $withParticipations
    RETURN r {.role, .citations, personId: p.id, eventId: e.id, event: e {.*, dateEarliest: toString(e.dateEarliest), dateLatest: toString(e.dateLatest), reversedBy: COLLECT { MATCH (e)-[:REVERSED_BY]->(x:Event) RETURN x {.*, dateEarliest: toString(x.dateEarliest), dateLatest: toString(x.dateLatest)} AS x ORDER BY x.dateEarliest, x.id }}} AS participation
    ORDER BY e.dateEarliest, e.dateLatest, e.id, r.role
  } AS participations,
  COLLECT {
    MATCH (p)-[t:TIE]-(:Person)
    WHERE $withTies
    WITH t, startNode(t) AS s, endNode(t) AS x
    RETURN t {.*, fromEarliest: toString(t.fromEarliest), fromLatest: toString(t.fromLatest), toEarliest: toString(t.toEarliest), toLatest: toString(t.toLatest), sourceId: s.id, targetId: x.id, sourceName: s.name, targetName: x.name,
              source: CASE WHEN $withTieEnds THEN s {.*, bornEarliest: toString(s.bornEarliest), bornLatest: toString(s.bornLatest), diedEarliest: toString(s.diedEarliest), diedLatest: toString(s.diedLatest)} END,
              target: CASE WHEN $withTieEnds THEN x {.*, bornEarliest: toString(x.bornEarliest), bornLatest: toString(x.bornLatest), diedEarliest: toString(x.diedEarliest), diedLatest: toString(x.diedLatest)} END} AS tie
    ORDER BY t.fromEarliest, t.id
  } AS ties
