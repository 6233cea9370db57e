// timeline: every element that may overlap [from, to], with its interval, for local animation.
// params: $from, $to: string|null (YYYY-MM-DD; null = open), $factionIds: [string]|null, $minRank: int,
//         $families: [string]|null  source families (as in queries/network)
// returns one row:
//   unknownFactionIds: [string]
//   persons: [{person: Person{.*}, targets: [{eventId, event: Event{.*, reversedBy: [Event{.*}] (REVERSED_BY links: the events that undid it)}}] (TARGET, or PARTICIPANT of a flight/death/suicide; all dates: status before the
//              range matters), memberships: [MEMBER_OF{.*, personId, factionId}] overlapping, rank >= $minRank}]
//   ties: [TIE{.*, sourceId, targetId}] overlapping, both ends listed
//   events: [Event{.*, participants: [{role, citations, personId, eventId, person: Person{.*} | null}]}] in range, by date
//   factions: [Faction{.*}]
// Persons already in `persons` are not repeated: tie ends are always there, and a participant
// that is has person: null (the resolver fills both in from `persons`).
WITH CASE WHEN $from IS NULL THEN date('0001-01-01') ELSE date($from) END AS rangeFrom,
     CASE WHEN $to IS NULL THEN date('9999-12-31') ELSE date($to) END AS rangeTo
CALL (rangeFrom, rangeTo) {
  MATCH (p:Person)
  WHERE p.attestedEarliest <= rangeTo AND ($families IS NULL OR any(family IN p.sourceFamilies WHERE family IN $families))
    AND ($factionIds IS NULL OR EXISTS {
      MATCH (p)-[m:MEMBER_OF]->(f:Faction)
      WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
        AND m.possibleEarliest <= rangeTo AND rangeFrom <= m.possibleLatest
    })
  RETURN collect(p) AS people
}
RETURN
  [id IN coalesce($factionIds, []) WHERE NOT EXISTS { MATCH (:Faction {id: id}) }] AS unknownFactionIds,
  [p IN people | {
    person: p {.*},
    targets: COLLECT {
      MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
      WHERE (r.role = 'TARGET' OR (r.role = 'PARTICIPANT' AND e.kind IN ['FLIGHT', 'DEATH', 'SUICIDE'])) AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
      RETURN {eventId: e.id, event: e {.*, reversedBy: COLLECT { MATCH (e)-[:REVERSED_BY]->(x:Event) RETURN x {.*, dateEarliest: toString(x.dateEarliest), dateLatest: toString(x.dateLatest)} AS x ORDER BY x.dateEarliest, x.id }}} AS t ORDER BY e.dateEarliest, e.id
    },
    memberships: COLLECT {
      MATCH (p)-[m:MEMBER_OF]->(f:Faction)
      WHERE m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
        AND m.possibleEarliest <= rangeTo AND rangeFrom <= m.possibleLatest
      RETURN m {.*, personId: p.id, factionId: f.id} AS m ORDER BY m.possibleEarliest, f.id
    }
  }] AS persons,
  COLLECT {
    UNWIND people AS s
    MATCH (s)-[t:TIE]->(x:Person)
    WHERE t.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
      // x is in people (the same test as above; a list lookup per tie would be quadratic)
      AND (x.attestedEarliest <= rangeTo AND ($families IS NULL OR any(family IN x.sourceFamilies WHERE family IN $families)) AND ($factionIds IS NULL OR EXISTS { MATCH (x)-[m:MEMBER_OF]->(f:Faction) WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families)) AND m.possibleEarliest <= rangeTo AND rangeFrom <= m.possibleLatest }))
      AND t.possibleEarliest <= rangeTo AND rangeFrom <= t.possibleLatest
    RETURN t {.*, sourceId: s.id, targetId: x.id} AS t ORDER BY t.id
  } AS ties,
  COLLECT {
    MATCH (e:Event)
    WHERE e.dateEarliest <= rangeTo AND rangeFrom <= e.dateLatest AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
      AND ($factionIds IS NULL OR EXISTS { MATCH (q:Person)-[:PARTICIPATED_IN]->(e) WHERE (q.attestedEarliest <= rangeTo AND ($families IS NULL OR any(family IN q.sourceFamilies WHERE family IN $families)) AND ($factionIds IS NULL OR EXISTS { MATCH (q)-[m:MEMBER_OF]->(f:Faction) WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families)) AND m.possibleEarliest <= rangeTo AND rangeFrom <= m.possibleLatest })) })
    RETURN e {.*, participants: COLLECT {
      MATCH (q:Person)-[r:PARTICIPATED_IN]->(e)
      WHERE ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
      RETURN r {.role, .citations, personId: q.id, eventId: e.id, person: CASE WHEN (q.attestedEarliest <= rangeTo AND ($families IS NULL OR any(family IN q.sourceFamilies WHERE family IN $families)) AND ($factionIds IS NULL OR EXISTS { MATCH (q)-[m:MEMBER_OF]->(f:Faction) WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families)) AND m.possibleEarliest <= rangeTo AND rangeFrom <= m.possibleLatest })) THEN null ELSE q {.*} END} AS r
      ORDER BY r.role, q.id
    }} AS e ORDER BY e.dateEarliest, e.dateLatest, e.id
  } AS events,
  COLLECT { MATCH (f:Faction) RETURN f {.*} AS f ORDER BY f.name } AS factions
