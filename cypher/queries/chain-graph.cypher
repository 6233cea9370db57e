// chain-graph: the bounded neighbourhood purge chains are searched in, in one round trip (the
// search itself runs in server/src/domain/chains.ts).
// A purge event is an event with a TARGET. A person "reaches" everyone who took part (as TARGET,
// ACCUSER or INSTIGATOR) in:
//   - the purge events the person took part in the same way,
//   - the purge events linked to or from those (LED_TO/PREVIEW_OF/REVERSED_BY),
//   - and, when the person was a TARGET, the falls of everyone tied to them (tie kinds that can
//     carry guilt by association: not RIVALRY/DENUNCIATION) who was ever a TARGET.
// Breadth first from the person, layer by layer: layer 0 is the person, layer k holds those first
// reached from layer k-1. Layers 0..$maxSteps-1 are expanded (their events and ties returned), so
// a chain of at most $maxSteps steps lies wholly inside what is returned.
// Every event comes whole (all its TARGET/ACCUSER/INSTIGATOR participants, all its outgoing links
// to purge events), so a chain step is either fully present or absent.
// Under $families every participation, event and tie used must be cited by one of those families
// (a purge event: an event they cite with a TARGET participation they cite); event links carry no
// families of their own and join the events that count.
// params: $personId: string, $maxSteps: int (>= 1),
//         $families: [string]|null  source families (server/src/graphql/args.ts factFilter, as in queries/network)
// returns no row when the person does not exist, else one row:
//   events: [{event: Event{.*}, participants: [{personId, role, citations}], links: [{type, toId, citations}]}]
//   ties: [TIE{.*, sourceId, targetId}]
//   persons: [Person{.*}] everyone in those events (tie neighbours are TARGETs of their falls)
MATCH (start:Person {id: $personId})
WITH reduce(layers = [[start]], hop IN range(1, $maxSteps - 1) | layers + [COLLECT {
  CALL (layers) {
    UNWIND last(layers) AS x
    MATCH (x)-[r1:PARTICIPATED_IN]->(e:Event)<-[r2:PARTICIPATED_IN]-(y:Person)
    WHERE r1.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r1.sourceFamilies WHERE family IN $families)) AND r2.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r2.sourceFamilies WHERE family IN $families))
      AND EXISTS { MATCH (:Person)-[pt:PARTICIPATED_IN {role: 'TARGET'}]->(e) WHERE ($families IS NULL OR any(family IN pt.sourceFamilies WHERE family IN $families)) } AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
    RETURN y
    UNION
    UNWIND last(layers) AS x
    MATCH (x)-[r1:PARTICIPATED_IN]->(e:Event)-[:LED_TO|PREVIEW_OF|REVERSED_BY]-(f:Event)<-[r2:PARTICIPATED_IN]-(y:Person)
    WHERE r1.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r1.sourceFamilies WHERE family IN $families)) AND r2.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r2.sourceFamilies WHERE family IN $families))
      AND EXISTS { MATCH (:Person)-[pt:PARTICIPATED_IN {role: 'TARGET'}]->(e) WHERE ($families IS NULL OR any(family IN pt.sourceFamilies WHERE family IN $families)) } AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
      AND EXISTS { MATCH (:Person)-[pt:PARTICIPATED_IN {role: 'TARGET'}]->(f) WHERE ($families IS NULL OR any(family IN pt.sourceFamilies WHERE family IN $families)) } AND ($families IS NULL OR any(family IN f.sourceFamilies WHERE family IN $families))
    RETURN y
    UNION
    UNWIND last(layers) AS x
    MATCH (x)-[t:TIE]-(n:Person)
    WHERE NOT t.kind IN ['RIVALRY', 'DENUNCIATION'] AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
      AND EXISTS { MATCH (x)-[ft:PARTICIPATED_IN {role: 'TARGET'}]->(fe:Event) WHERE ($families IS NULL OR any(family IN ft.sourceFamilies WHERE family IN $families)) AND ($families IS NULL OR any(family IN fe.sourceFamilies WHERE family IN $families)) }
    MATCH (n)-[rn:PARTICIPATED_IN {role: 'TARGET'}]->(fall:Event)
    WHERE ($families IS NULL OR any(family IN rn.sourceFamilies WHERE family IN $families)) AND ($families IS NULL OR any(family IN fall.sourceFamilies WHERE family IN $families))
    // A second MATCH, so n itself is among the y (one MATCH never reuses a relationship).
    MATCH (fall)<-[r2:PARTICIPATED_IN]-(y:Person)
    WHERE r2.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r2.sourceFamilies WHERE family IN $families))
    RETURN y
  }
  WITH DISTINCT y WHERE NOT any(layer IN layers WHERE y IN layer)
  RETURN y
}]) AS layers
WITH reduce(all = [], layer IN layers | all + layer) AS frontier
CALL (frontier) {
  UNWIND frontier AS p
  MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
  WHERE r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families)) AND EXISTS { MATCH (:Person)-[pt:PARTICIPATED_IN {role: 'TARGET'}]->(e) WHERE ($families IS NULL OR any(family IN pt.sourceFamilies WHERE family IN $families)) } AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
  RETURN collect(DISTINCT e) AS own
}
CALL (own) {
  UNWIND own AS e
  MATCH (e)-[:LED_TO|PREVIEW_OF|REVERSED_BY]-(x:Event)
  WHERE EXISTS { MATCH (:Person)-[pt:PARTICIPATED_IN {role: 'TARGET'}]->(x) WHERE ($families IS NULL OR any(family IN pt.sourceFamilies WHERE family IN $families)) } AND ($families IS NULL OR any(family IN x.sourceFamilies WHERE family IN $families))
  RETURN collect(DISTINCT x) AS linked
}
CALL (frontier) {
  UNWIND frontier AS s
  MATCH (s)-[t:TIE]-(x:Person)
  WHERE NOT t.kind IN ['RIVALRY', 'DENUNCIATION'] AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
    AND EXISTS { MATCH (s)-[ft:PARTICIPATED_IN {role: 'TARGET'}]->(fe:Event) WHERE ($families IS NULL OR any(family IN ft.sourceFamilies WHERE family IN $families)) AND ($families IS NULL OR any(family IN fe.sourceFamilies WHERE family IN $families)) }
    AND EXISTS { MATCH (x)-[ft:PARTICIPATED_IN {role: 'TARGET'}]->(fe:Event) WHERE ($families IS NULL OR any(family IN ft.sourceFamilies WHERE family IN $families)) AND ($families IS NULL OR any(family IN fe.sourceFamilies WHERE family IN $families)) }
  WITH DISTINCT t, x
  RETURN collect(t {.*, sourceId: startNode(t).id, targetId: endNode(t).id}) AS ties, collect(DISTINCT x) AS neighbours
}
CALL (neighbours) {
  UNWIND neighbours AS x
  MATCH (x)-[rx:PARTICIPATED_IN {role: 'TARGET'}]->(e:Event)
  WHERE ($families IS NULL OR any(family IN rx.sourceFamilies WHERE family IN $families)) AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
  RETURN collect(DISTINCT e) AS falls
}
CALL (own, linked, falls) {
  UNWIND own + linked + falls AS e
  RETURN collect(DISTINCT e) AS events
}
CALL (events) {
  UNWIND events AS e
  MATCH (q:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
  RETURN collect(DISTINCT q {.*}) AS persons
}
RETURN
  [e IN events | {
    event: e {.*},
    participants: COLLECT {
      MATCH (q:Person)-[r:PARTICIPATED_IN]->(e) WHERE r.role IN ['TARGET', 'ACCUSER', 'INSTIGATOR'] AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
      RETURN {personId: q.id, role: r.role, citations: r.citations} AS r
    },
    links: COLLECT {
      MATCH (e)-[l:LED_TO|PREVIEW_OF|REVERSED_BY]->(x:Event)
      WHERE EXISTS { MATCH (:Person)-[pt:PARTICIPATED_IN {role: 'TARGET'}]->(x) WHERE ($families IS NULL OR any(family IN pt.sourceFamilies WHERE family IN $families)) } AND ($families IS NULL OR any(family IN x.sourceFamilies WHERE family IN $families))
      RETURN {type: type(l), toId: x.id, citations: l.citations} AS l
    }
  }] AS events,
  ties,
  persons
