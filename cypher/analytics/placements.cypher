// analytics/placements: the memberships of some persons possibly active at `at` (stored span),
// at or above $minRank, for placing each person in a faction (core/span.ts placeAt): only what
// placement reads, dates as 'YYYY-MM-DD' strings, each membership a list (the driver decodes a
// list for less than a map with the same values; the full membership maps, with citations and
// Neo4j Date values, were most of a communities call at 100k synthetic persons). For a few
// persons; analytics/placements-at reads every membership at the date for many.
// params: $personIds: [string], $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int (1..3),
//         $families: [string]|null  source families (as in queries/network)
// returns rows: m: [personId, factionId, id, certainty, possibleEarliest, possibleLatest, certainEarliest, certainLatest]
WITH date($atFrom) AS atFrom, date($atTo) AS atTo
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})-[m:MEMBER_OF]->(f:Faction)
WHERE m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
  AND m.possibleEarliest <= atTo AND atFrom <= m.possibleLatest
RETURN [p.id, f.id, m.id, m.certainty, toString(m.possibleEarliest), toString(m.possibleLatest), toString(m.certainEarliest), toString(m.certainLatest)] AS m
