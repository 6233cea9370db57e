// network: one page of the graph at one date (`at` as the period [atFrom, atTo]).
// params: $atFrom, $atTo: string (YYYY-MM-DD), $factionIds: [string]|null, $minRank: int (1..3),
//         $families: [string]|null  source families (server/src/graphql/args.ts factFilter: a fact
//           counts when a source of one of them cites it; a person when one of their facts counts),
//         $windowFrom, $windowTo: string (YYYY-MM-DD) for events,
//         $after: string  the last person id of the previous page, '' for the first page,
//         $first: int  the page size (the query reads $first + 1 persons to know whether more follow)
//         $fullMemberships: boolean  false: each membership map carries only id, certainty, certaintyRank,
//           fromLatest, the span (possible/certain Earliest/Latest), personId and factionId (what placement reads)
// A person "matches" when they count under $families, are born by `at` and, with $factionIds, possibly a member of one of them
// then (rank >= $minRank). The page is the first $first matching persons with id > $after in id
// order: a contiguous run, so "on the page" is `$after < id <= lastId` for a matching person.
// returns one row:
//   unknownFactionIds: [string]  ids in $factionIds that match no faction
//   afterKnown: boolean  $after is '' or the id of a person
//   hasNextPage: boolean  more matching persons follow the page
//   persons: [{person: Person{.*}, targets: [{eventId, event: Event{.*, reversedBy: [Event{.*}] (REVERSED_BY links: the events that undid it)}}] (TARGET, or PARTICIPANT of a flight/death/suicide),
//              memberships: [MEMBER_OF{.*, personId, factionId}] (see $fullMemberships) possibly active at `at`, rank >= $minRank}]  in id order
//   ties: [TIE{.*, sourceId, targetId}] possibly active, rank >= $minRank, both ends on the page, by id
//   events: [Event{.*, participants: [{role, citations, personId, eventId, person: Person{.*} | null}]}]
//           that may fall in the window and have a participant on the page; on the first page
//           without $factionIds also those with no matching participant (so the pages together
//           give every event of the window); ordered by date
//   factions: [Faction{.*}]
// A participant on the page has person: null (the resolver fills it in from `persons`).
// Dates (...Earliest, ...Latest) come as 'YYYY-MM-DD' strings, as in persons-full: decoding Neo4j
// Date values in the driver was the largest Node-side cost of a page at 100k persons (BENCHMARKS.md).
WITH date($atFrom) AS atFrom, date($atTo) AS atTo, date($windowFrom) AS winFrom, date($windowTo) AS winTo
CALL (atFrom, atTo) {
  // Walks the Person id index in order and stops after $first + 1 matches: no sort, no full scan.
  MATCH (p:Person)
  WHERE p.id > $after
    AND p.attestedEarliest <= atTo
    AND ($families IS NULL OR any(family IN p.sourceFamilies WHERE family IN $families))
    AND ($factionIds IS NULL OR EXISTS {
      MATCH (p)-[m:MEMBER_OF]->(f:Faction)
      WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
        AND m.possibleEarliest <= atTo AND atFrom <= m.possibleLatest
    })
  WITH p ORDER BY p.id LIMIT $first + 1
  RETURN collect(p) AS fetched
}
WITH atFrom, atTo, winFrom, winTo, fetched[0..$first] AS people, size(fetched) > $first AS hasNextPage
WITH atFrom, atTo, winFrom, winTo, people, hasNextPage, CASE WHEN size(people) = 0 THEN $after ELSE people[-1].id END AS lastId
RETURN
  [id IN coalesce($factionIds, []) WHERE NOT EXISTS { MATCH (:Faction {id: id}) }] AS unknownFactionIds,
  $after = '' OR EXISTS { MATCH (:Person {id: $after}) } AS afterKnown,
  hasNextPage,
  [p IN people | {
    person: p {.*, bornEarliest: toString(p.bornEarliest), bornLatest: toString(p.bornLatest), diedEarliest: toString(p.diedEarliest), diedLatest: toString(p.diedLatest), attestedEarliest: toString(p.attestedEarliest), carriedLatest: toString(p.carriedLatest)},
    targets: COLLECT {
      MATCH (p)-[r:PARTICIPATED_IN]->(e:Event)
      WHERE (r.role = 'TARGET' OR (r.role = 'PARTICIPANT' AND e.kind IN ['FLIGHT', 'DEATH', 'SUICIDE'])) AND ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
      RETURN {eventId: e.id, event: e {.*, dateEarliest: toString(e.dateEarliest), dateLatest: toString(e.dateLatest), reversedBy: COLLECT { MATCH (e)-[:REVERSED_BY]->(x:Event) RETURN x {.*, dateEarliest: toString(x.dateEarliest), dateLatest: toString(x.dateLatest)} AS x ORDER BY x.dateEarliest, x.id }}} AS t ORDER BY e.dateEarliest, e.id
    },
    memberships: COLLECT {
      MATCH (p)-[m:MEMBER_OF]->(f:Faction)
      WHERE m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
        AND m.possibleEarliest <= atTo AND atFrom <= m.possibleLatest
      RETURN CASE WHEN $fullMemberships THEN m {.*, fromEarliest: toString(m.fromEarliest), fromLatest: toString(m.fromLatest), toEarliest: toString(m.toEarliest), toLatest: toString(m.toLatest),
          possibleEarliest: toString(m.possibleEarliest), possibleLatest: toString(m.possibleLatest), certainEarliest: toString(m.certainEarliest), certainLatest: toString(m.certainLatest), personId: p.id, factionId: f.id}
        ELSE m {.id, .certainty, .certaintyRank, fromLatest: toString(m.fromLatest), possibleEarliest: toString(m.possibleEarliest), possibleLatest: toString(m.possibleLatest),
          certainEarliest: toString(m.certainEarliest), certainLatest: toString(m.certainLatest), personId: p.id, factionId: f.id}
      END AS m ORDER BY m.certaintyRank DESC, m.fromLatest DESC, f.id
    }
  }] AS persons,
  COLLECT {
    UNWIND people AS s
    MATCH (s)-[t:TIE]->(x:Person)
    // x is on the page: in its id range and matching (the same test as above)
    WHERE x.id > $after AND x.id <= lastId
      AND x.attestedEarliest <= atTo AND ($families IS NULL OR any(family IN x.sourceFamilies WHERE family IN $families))
      AND ($factionIds IS NULL OR EXISTS {
        MATCH (x)-[m:MEMBER_OF]->(f:Faction)
        WHERE f.id IN $factionIds AND m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
          AND m.possibleEarliest <= atTo AND atFrom <= m.possibleLatest
      })
      AND t.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
      AND t.possibleEarliest <= atTo AND atFrom <= t.possibleLatest
    RETURN t {.*, fromEarliest: toString(t.fromEarliest), fromLatest: toString(t.fromLatest), toEarliest: toString(t.toEarliest), toLatest: toString(t.toLatest),
      possibleEarliest: toString(t.possibleEarliest), possibleLatest: toString(t.possibleLatest), certainEarliest: toString(t.certainEarliest), certainLatest: toString(t.certainLatest), sourceId: s.id, targetId: x.id} AS t ORDER BY t.id
  } AS ties,
  COLLECT {
    CALL (people, atTo, winFrom, winTo) {
      UNWIND people AS q
      // No :Event label (PARTICIPATED_IN always ends at one), so the planner expands from the page's
      // persons instead of seeking the date index once per person.
      MATCH (q)-[:PARTICIPATED_IN]->(e)
      WHERE e.dateEarliest <= winTo AND winFrom <= e.dateLatest AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
      RETURN e
      UNION
      // Only on the first page without a filter (the UNWIND yields no row otherwise, so the
      // event index is not read at all).
      UNWIND CASE WHEN $after = '' AND $factionIds IS NULL THEN [true] ELSE [] END AS firstPage
      MATCH (e:Event)
      WHERE e.dateEarliest <= winTo AND winFrom <= e.dateLatest AND ($families IS NULL OR any(family IN e.sourceFamilies WHERE family IN $families))
        AND NOT EXISTS { MATCH (q:Person)-[:PARTICIPATED_IN]->(e) WHERE q.attestedEarliest <= atTo AND ($families IS NULL OR any(family IN q.sourceFamilies WHERE family IN $families)) }
      RETURN e
    }
    RETURN e {.*, dateEarliest: toString(e.dateEarliest), dateLatest: toString(e.dateLatest), participants: COLLECT {
      MATCH (q:Person)-[r:PARTICIPATED_IN]->(e)
      WHERE ($families IS NULL OR any(family IN r.sourceFamilies WHERE family IN $families))
      RETURN r {.role, .citations, personId: q.id, eventId: e.id, person: CASE WHEN q IN people THEN null ELSE q {.*, bornEarliest: toString(q.bornEarliest), bornLatest: toString(q.bornLatest), diedEarliest: toString(q.diedEarliest), diedLatest: toString(q.diedLatest), attestedEarliest: toString(q.attestedEarliest), carriedLatest: toString(q.carriedLatest)} END} AS r
      ORDER BY r.role, q.id
    }} AS e ORDER BY e.dateEarliest, e.dateLatest, e.id
  } AS events,
  COLLECT { MATCH (f:Faction) RETURN f {.*, formedEarliest: toString(f.formedEarliest), formedLatest: toString(f.formedLatest), dissolvedEarliest: toString(f.dissolvedEarliest), dissolvedLatest: toString(f.dissolvedLatest)} AS f ORDER BY f.name } AS factions
