// network: the graph at one date (`at` as the period [atFrom, atTo]).
// params: $atFrom, $atTo: string (YYYY-MM-DD), $factionIds: [string]|null, $minRank: int (1..3),
//         $windowFrom, $windowTo: string (YYYY-MM-DD) for events
// returns one row:
//   unknownFactionIds: [string]  ids in $factionIds that match no faction
//   persons: [{person: Person{.*}, targets: [{eventId, event: Event{.*}}] (TARGET, or PARTICIPANT of a flight/death/suicide),
//              memberships: [MEMBER_OF{.*, personId, factionId}] possibly active at `at`, rank >= $minRank}]
//   ties: [TIE{.*, sourceId, targetId}] possibly active, both ends listed
//   events: [Event{.*, participants: [{role, citations, personId, eventId, person: Person{.*} | null}]}]
//           that may fall in the window, ordered by date
//   factions: [Faction{.*}]
// Persons already in `persons` are not repeated: tie ends are always there, and a participant
// that is has person: null (the resolver fills both in from `persons`).
WITH date($atFrom) AS atFrom, date($atTo) AS atTo, date($windowFrom) AS winFrom, date($windowTo) AS winTo
CALL (atFrom, atTo) {
  MATCH (p:Person)
  WHERE (p.bornEarliest IS NULL OR p.bornEarliest <= atTo)
    AND ($factionIds IS NULL OR EXISTS {
      MATCH (p)-[m:MEMBER_OF]->(f:Faction)
      WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank
        AND (m.fromEarliest IS NULL OR m.fromEarliest <= atTo) AND (m.toLatest IS NULL OR atFrom <= m.toLatest)
    })
  RETURN collect(p) AS people
}
RETURN
  [id IN coalesce($factionIds, []) WHERE NOT EXISTS { MATCH (:Faction {id: id}) }] AS unknownFactionIds,
  [p IN people | {
    person: p {.*},
    targets: COLLECT {
      MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
      WHERE r.role = 'TARGET' OR (r.role = 'PARTICIPANT' AND e.kind IN ['FLIGHT', 'DEATH', 'SUICIDE'])
      RETURN {eventId: e.id, event: e {.*}} AS t ORDER BY e.dateEarliest, e.id
    },
    memberships: COLLECT {
      MATCH (p)-[m:MEMBER_OF]->(f:Faction)
      WHERE m.certaintyRank >= $minRank
        AND (m.fromEarliest IS NULL OR m.fromEarliest <= atTo) AND (m.toLatest IS NULL OR atFrom <= m.toLatest)
      RETURN m {.*, personId: p.id, factionId: f.id} AS m ORDER BY m.certaintyRank DESC, m.fromLatest DESC, f.id
    }
  }] AS persons,
  COLLECT {
    UNWIND people AS s
    MATCH (s)-[t:TIE]->(x:Person)
    WHERE t.certaintyRank >= $minRank
      // x is in people (the same test as above; a list lookup per tie would be quadratic)
      AND ((x.bornEarliest IS NULL OR x.bornEarliest <= atTo) AND ($factionIds IS NULL OR EXISTS { MATCH (x)-[m:MEMBER_OF]->(f:Faction) WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND (m.fromEarliest IS NULL OR m.fromEarliest <= atTo) AND (m.toLatest IS NULL OR atFrom <= m.toLatest) }))
      AND (t.fromEarliest IS NULL OR t.fromEarliest <= atTo) AND (t.toLatest IS NULL OR atFrom <= t.toLatest)
    RETURN t {.*, sourceId: s.id, targetId: x.id} AS t ORDER BY t.id
  } AS ties,
  COLLECT {
    MATCH (e:Event)
    WHERE e.dateEarliest <= winTo AND winFrom <= e.dateLatest
      AND ($factionIds IS NULL OR EXISTS { MATCH (q:Person)-[:PARTICIPATED_IN]->(e) WHERE ((q.bornEarliest IS NULL OR q.bornEarliest <= atTo) AND ($factionIds IS NULL OR EXISTS { MATCH (q)-[m:MEMBER_OF]->(f:Faction) WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND (m.fromEarliest IS NULL OR m.fromEarliest <= atTo) AND (m.toLatest IS NULL OR atFrom <= m.toLatest) })) })
    RETURN e {.*, participants: COLLECT {
      MATCH (q:Person)-[r:PARTICIPATED_IN]->(e)
      RETURN r {.role, .citations, personId: q.id, eventId: e.id, person: CASE WHEN ((q.bornEarliest IS NULL OR q.bornEarliest <= atTo) AND ($factionIds IS NULL OR EXISTS { MATCH (q)-[m:MEMBER_OF]->(f:Faction) WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND (m.fromEarliest IS NULL OR m.fromEarliest <= atTo) AND (m.toLatest IS NULL OR atFrom <= m.toLatest) })) THEN null ELSE q {.*} END} AS r
      ORDER BY r.role, q.id
    }} AS e ORDER BY e.dateEarliest, e.dateLatest, e.id
  } AS events,
  COLLECT { MATCH (f:Faction) RETURN f {.*} AS f ORDER BY f.name } AS factions
