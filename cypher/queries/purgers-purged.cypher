// purgers-purged: people who were INSTIGATOR or ACCUSER in one event and TARGET in another
// (which one counts as "later" is decided in server/src/domain/chains.ts).
// params: $families: [string]|null  source families (server/src/graphql/args.ts factFilter, as in
//   queries/network): acts and falls are the participations those families cite
// returns one row per such person, ordered by id:
//   person: Person{.*}
//   acts: [{role, citations, personId, eventId, event: Event{.*}}]   as INSTIGATOR/ACCUSER, by date
//   falls: [{role, citations, personId, eventId, event: Event{.*}}]  as TARGET, by date
MATCH (p:Person)
WHERE EXISTS { (p)-[r:PARTICIPATED_IN]->(:Event) WHERE r.role IN ['INSTIGATOR', 'ACCUSER'] AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families)) }
  AND EXISTS { (p)-[r:PARTICIPATED_IN {role: 'TARGET'}]->(:Event) WHERE ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families)) }
RETURN
  p {.*} AS person,
  COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN]->(e:Event) WHERE r.role IN ['INSTIGATOR', 'ACCUSER'] AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
    RETURN r {.role, .citations, personId: p.id, eventId: e.id, event: e {.*}} AS r ORDER BY e.dateEarliest, e.id
  } AS acts,
  COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN {role: 'TARGET'}]->(e:Event) WHERE ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
    RETURN r {.role, .citations, personId: p.id, eventId: e.id, event: e {.*}} AS r ORDER BY e.dateEarliest, e.id
  } AS falls
ORDER BY p.id
