// purgers-purged: people who were INSTIGATOR or ACCUSER in one event and TARGET in another
// (which one counts as "later" is decided in server/src/domain/chains.ts).
// params: none
// returns one row per such person, ordered by id:
//   person: Person{.*}
//   acts: [{role, citations, personId, eventId, event: Event{.*}}]   as INSTIGATOR/ACCUSER, by date
//   falls: [{role, citations, personId, eventId, event: Event{.*}}]  as TARGET, by date
MATCH (p:Person)
WHERE EXISTS { (p)-[r:PARTICIPATED_IN]->(:Event) WHERE r.role IN ['INSTIGATOR', 'ACCUSER'] }
  AND EXISTS { (p)-[:PARTICIPATED_IN {role: 'TARGET'}]->(:Event) }
RETURN
  p {.*} AS person,
  COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN]->(e:Event) WHERE r.role IN ['INSTIGATOR', 'ACCUSER']
    RETURN r {.role, .citations, personId: p.id, eventId: e.id, event: e {.*}} AS r ORDER BY e.dateEarliest, e.id
  } AS acts,
  COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN {role: 'TARGET'}]->(e:Event)
    RETURN r {.role, .citations, personId: p.id, eventId: e.id, event: e {.*}} AS r ORDER BY e.dateEarliest, e.id
  } AS falls
ORDER BY p.id
