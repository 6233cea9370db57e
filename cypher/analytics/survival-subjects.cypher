// analytics/survival-subjects: every person with a dated membership at or above $minRank (of
// the factions $factionIds, or of any), with what survival needs: the memberships' spans, the
// events that set the person's status (with the events that reversed them), the death date and
// the evidence.
// params: $factionIds: [string] | null, $minRank: int (1..3),
//         $families: [string]|null  source families (as in queries/network; memberships and the
//           participations that set a status)
// Only what survival reads, dates as 'YYYY-MM-DD' strings, memberships as lists: at 100k synthetic
// persons the full membership and event maps (citations, Neo4j Date values decoded in the driver)
// were most of an 11 s read.
// returns rows:
//   person: Person{id, name, died*, diedClaims, evidence}
//   memberships: [[personId, factionId, id, certainty, possibleEarliest, possibleLatest, certainEarliest, certainLatest]]
//     (as analytics/placements)
//   targets: [Event{id, kind, certainty, date*, reversedBy: [Event{id, kind, certainty, date*}]}] (TARGET, or
//     PARTICIPANT of a flight/death/suicide)
//   unknownFactionIds: [string]  ids in $factionIds that match no faction (on every row; also
//   on a single row with person null when nothing matched)
CALL () {
  MATCH (p:Person)-[m:MEMBER_OF]->(f:Faction)
  WHERE m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families)) AND m.possibleEarliest IS NOT NULL
    AND ($factionIds IS NULL OR f.id IN $factionIds)
  WITH p, collect([p.id, f.id, m.id, m.certainty, toString(m.possibleEarliest), toString(m.possibleLatest), toString(m.certainEarliest), toString(m.certainLatest)]) AS memberships
  RETURN p, memberships
  UNION
  // One row even when nothing matched, so unknownFactionIds always comes back.
  RETURN null AS p, [] AS memberships
}
WITH p, memberships
RETURN
  CASE WHEN p IS NULL THEN null ELSE p {.id, .name, .diedIso, .diedPrecision, .diedApprox, diedEarliest: toString(p.diedEarliest), diedLatest: toString(p.diedLatest), .diedClaims, .evidence} END AS person,
  memberships,
  CASE WHEN p IS NULL THEN [] ELSE COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
    WHERE (r.role = 'TARGET' OR (r.role = 'PARTICIPANT' AND e.kind IN ['FLIGHT', 'DEATH', 'SUICIDE'])) AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
    RETURN e {.id, .kind, .certainty, .dateIso, .datePrecision, .dateApprox, dateEarliest: toString(e.dateEarliest), dateLatest: toString(e.dateLatest),
      reversedBy: COLLECT {
        MATCH (e)-[:REVERSED_BY]->(x:Event)
        RETURN x {.id, .kind, .certainty, .dateIso, .datePrecision, .dateApprox, dateEarliest: toString(x.dateEarliest), dateLatest: toString(x.dateLatest)} AS x ORDER BY x.dateEarliest, x.id
      }} AS e
    ORDER BY e.dateEarliest, e.id
  } END AS targets,
  [id IN coalesce($factionIds, []) WHERE NOT EXISTS { MATCH (:Faction {id: id}) }] AS unknownFactionIds
