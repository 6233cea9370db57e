// chain-graph: everything purge chains are built from, in one round trip. The chain search
// itself runs in server/src/domain/chains.ts.
// params: $personId: string
// returns one row:
//   personExists: boolean
//   events: [{event: Event{.*}, participants: [{personId, role, citations}] (TARGET/ACCUSER/INSTIGATOR only),
//             links: [{type, toId, citations}] (LED_TO/PREVIEW_OF/REVERSED_BY)}]
//           for every event with a TARGET
//   ties: [TIE{.*, sourceId, targetId}] between two people who were ever a TARGET
//   persons: [Person{.*}] every person in those events
OPTIONAL MATCH (who:Person {id: $personId})
CALL () {
  MATCH (e:Event) WHERE EXISTS { (:Person)-[:PARTICIPATED_IN {role: 'TARGET'}]->(e) }
  RETURN collect(e) AS purgeEvents
}
RETURN
  who IS NOT NULL AS personExists,
  [e IN purgeEvents | {
    event: e {.*},
    participants: COLLECT {
      MATCH (p:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR']
      RETURN {personId: p.id, role: r.role, citations: r.citations} AS r
    },
    links: COLLECT {
      MATCH (e)-[l:LED_TO|PREVIEW_OF|REVERSED_BY]->(x:Event) WHERE x IN purgeEvents
      RETURN {type: type(l), toId: x.id, citations: l.citations} AS l
    }
  }] AS events,
  COLLECT {
    MATCH (s:Person)-[t:TIE]->(x:Person)
    WHERE EXISTS { (s)-[:PARTICIPATED_IN {role: 'TARGET'}]->(:Event) }
      AND EXISTS { (x)-[:PARTICIPATED_IN {role: 'TARGET'}]->(:Event) }
    RETURN t {.*, sourceId: s.id, targetId: x.id} AS t
  } AS ties,
  COLLECT {
    MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event)
    WHERE e IN purgeEvents AND r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR']
    RETURN DISTINCT p {.*} AS p
  } AS persons
