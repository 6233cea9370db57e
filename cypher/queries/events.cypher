// events: events that may fall within [from, to], of the given kinds, with the given person.
// params: $from: string|null (YYYY-MM-DD, first day), $to: string|null (last day),
//         $kinds: [string]|null, $personId: string|null,
//         $families: [string]|null  source families (server/src/graphql/args.ts factFilter, as in queries/network)
//           (events those families cite, with the participations they cite; $personId by such a participation)
// returns: one row: personExists: boolean (true when $personId is null),
//          events: [{event: Event{.*}, participants: [...], links: [...], linkedFrom: [...]}]
//          (shapes as in events-full), ordered by dateEarliest, dateLatest, id
OPTIONAL MATCH (who:Person {id: $personId})
WITH who
RETURN
  ($personId IS NULL OR who IS NOT NULL) AS personExists,
  COLLECT {
    MATCH (e:Event)
    WHERE ($from IS NULL OR e.dateLatest >= date($from))
      AND ($to IS NULL OR e.dateEarliest <= date($to))
      AND ($kinds IS NULL OR e.kind IN $kinds)
      AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
      AND ($personId IS NULL OR EXISTS { MATCH (who)-[w:PARTICIPATED_IN]->(e) WHERE ($families IS NULL OR any(family IN w.sourceFamilies WHERE family IN $families)) })
    WITH e ORDER BY e.dateEarliest, e.dateLatest, e.id
    RETURN {
      event: e {.*},
      participants: COLLECT {
        MATCH (p:Person)-[r:PARTICIPATED_IN]->(e)
        WHERE ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
        RETURN r {.role, .citations, personId: p.id, eventId: e.id, person: p {.*}} AS r ORDER BY r.role, p.id
      },
      links: COLLECT {
        MATCH (e)-[l:LED_TO|PREVIEW_OF|REVERSED_BY|PART_OF]->(x:Event)
        RETURN {type: type(l), fromId: e.id, toId: x.id, citations: l.citations, other: x {.*}} AS l
        ORDER BY x.dateEarliest, x.id
      },
      linkedFrom: COLLECT {
        MATCH (x:Event)-[l:LED_TO|PREVIEW_OF|REVERSED_BY|PART_OF]->(e)
        RETURN {type: type(l), fromId: x.id, toId: e.id, citations: l.citations, other: x {.*}} AS l
        ORDER BY x.dateEarliest, x.id
      }
    } AS row
  } AS events
