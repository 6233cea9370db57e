// events-full: full projections of the events with the given ids (absent ids give no row).
// params: $ids: [string]
// returns one row per event:
//   event: Event{.*}
//   participants: [{role, citations, personId, eventId, person: Person{.*}}]
//   links: [{type, fromId, toId, citations, other: Event{.*}}]        outgoing (other = target)
//   linkedFrom: [{type, fromId, toId, citations, other: Event{.*}}]   incoming (other = source)
MATCH (e:Event)
WHERE e.id IN $ids
RETURN
  e {.*} AS event,
  COLLECT {
    MATCH (p:Person)-[r:PARTICIPATED_IN]->(e)
    RETURN r {.role, .citations, personId: p.id, eventId: e.id, person: p {.*}} AS r ORDER BY r.role, p.id
  } AS participants,
  COLLECT {
    MATCH (e)-[l:LED_TO|PREVIEW_OF|REVERSED_BY|PART_OF]->(x:Event)
    RETURN {type: type(l), fromId: e.id, toId: x.id, citations: l.citations, other: x {.*}} AS l
    ORDER BY x.dateEarliest, x.id
  } AS links,
  COLLECT {
    MATCH (x:Event)-[l:LED_TO|PREVIEW_OF|REVERSED_BY|PART_OF]->(e)
    RETURN {type: type(l), fromId: x.id, toId: e.id, citations: l.citations, other: x {.*}} AS l
    ORDER BY x.dateEarliest, x.id
  } AS linkedFrom
