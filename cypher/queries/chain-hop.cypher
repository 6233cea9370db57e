// chain-hop: one hop of the bounded neighbourhood purge chains are searched in (the search runs
// in server/src/domain/chains.ts; server/src/graphql/resolvers/chain-fetch.ts calls this once per
// step, each time for the persons first reached by the previous hop).
// A purge event is an event with a TARGET. For the frontier persons it returns:
//   - the purge events they took part in as TARGET, ACCUSER or INSTIGATOR,
//   - the purge events linked to or from those (LED_TO/PREVIEW_OF/REVERSED_BY),
//   - their ties that can carry guilt by association (not RIVALRY/DENUNCIATION) to people who
//     were ever a TARGET, when they were themselves a TARGET, and every fall of those people.
// Every event comes whole (all its TARGET/ACCUSER/INSTIGATOR participants, all its outgoing
// links to purge events), so a chain step is either fully present or absent.
// params: $personIds: [string]
// returns one row:
//   found: [string]  the ids in $personIds that exist
//   events: [{event: Event{.*}, participants: [{personId, role, citations}], links: [{type, toId, citations}]}]
//   ties: [TIE{.*, sourceId, targetId}]
//   persons: [Person{.*}] everyone in those events (tie neighbours are TARGETs of their falls)
MATCH (p:Person) WHERE p.id IN $personIds
OPTIONAL MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
WHERE r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND EXISTS { (:Person)-[:PARTICIPATED_IN {role: 'TARGET'}]->(e) }
WITH collect(DISTINCT p) AS frontier, collect(DISTINCT e) AS own
CALL (own) {
  UNWIND own AS e
  MATCH (e)-[:LED_TO|PREVIEW_OF|REVERSED_BY]-(x:Event)
  WHERE EXISTS { (:Person)-[:PARTICIPATED_IN {role: 'TARGET'}]->(x) }
  RETURN collect(DISTINCT x) AS linked
}
CALL (frontier) {
  UNWIND frontier AS s
  MATCH (s)-[t:TIE]-(x:Person)
  WHERE NOT t.kind IN ['RIVALRY', 'DENUNCIATION']
    AND EXISTS { (s)-[:PARTICIPATED_IN {role: 'TARGET'}]->(:Event) }
    AND EXISTS { (x)-[:PARTICIPATED_IN {role: 'TARGET'}]->(:Event) }
  WITH DISTINCT t, x
  RETURN collect(t {.*, sourceId: startNode(t).id, targetId: endNode(t).id}) AS ties, collect(DISTINCT x) AS neighbours
}
CALL (neighbours) {
  UNWIND neighbours AS x
  MATCH (x)-[:PARTICIPATED_IN {role: 'TARGET'}]->(e:Event)
  RETURN collect(DISTINCT e) AS falls
}
CALL (own, linked, falls) {
  UNWIND own + linked + falls AS e
  RETURN collect(DISTINCT e) AS events
}
CALL (events) {
  UNWIND events AS e
  MATCH (q:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR']
  RETURN collect(DISTINCT q {.*}) AS persons
}
RETURN
  [p IN frontier | p.id] AS found,
  [e IN events | {
    event: e {.*},
    participants: COLLECT {
      MATCH (q:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR']
      RETURN {personId: q.id, role: r.role, citations: r.citations} AS r
    },
    links: COLLECT {
      MATCH (e)-[l:LED_TO|PREVIEW_OF|REVERSED_BY]->(x:Event)
      WHERE EXISTS { (:Person)-[:PARTICIPATED_IN {role: 'TARGET'}]->(x) }
      RETURN {type: type(l), toId: x.id, citations: l.citations} AS l
    }
  }] AS events,
  ties,
  persons
