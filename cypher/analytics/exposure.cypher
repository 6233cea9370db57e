// analytics/exposure: one person with the events that set their status, and every tie of theirs
// with the other end and the events that set the other end's status.
// params: $personId: string, $families: [string]|null  source families (as in queries/network:
//         the ties and the participations that set a status count only when those families cite them)
// returns zero rows (no such person) or one row:
//   person: Person{.*}
//   targets: [Event{.*, reversedBy: [Event{.*}]}] (TARGET, or PARTICIPANT of a flight/death/suicide)
//   ties: [{tie: TIE{.*, sourceId, targetId}, other: Person{.*}, otherTargets: [Event{.*, reversedBy}]}]
MATCH (p:Person {id: $personId})
RETURN
  p {.*} AS person,
  COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
    WHERE (r.role = 'TARGET' OR (r.role = 'PARTICIPANT' AND e.kind IN ['FLIGHT', 'DEATH', 'SUICIDE'])) AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
    RETURN e {.*, reversedBy: COLLECT { MATCH (e)-[:REVERSED_BY]->(x:Event) RETURN x {.*} AS x ORDER BY x.dateEarliest, x.id }} AS e
    ORDER BY e.dateEarliest, e.id
  } AS targets,
  COLLECT {
    MATCH (p)-[t:TIE]-(o:Person)
    WHERE o <> p AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
    RETURN {
      tie: t {.*, sourceId: startNode(t).id, targetId: endNode(t).id},
      other: o {.*},
      otherTargets: COLLECT {
        MATCH (o)-[r:PARTICIPATED_IN]->(e:Event)
        WHERE (r.role = 'TARGET' OR (r.role = 'PARTICIPANT' AND e.kind IN ['FLIGHT', 'DEATH', 'SUICIDE'])) AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
        RETURN e {.*, reversedBy: COLLECT { MATCH (e)-[:REVERSED_BY]->(x:Event) RETURN x {.*} AS x ORDER BY x.dateEarliest, x.id }} AS e
        ORDER BY e.dateEarliest, e.id
      }
    } AS item
    ORDER BY t.id
  } AS ties
