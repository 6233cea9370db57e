// analytics/placements: the memberships of some persons possibly active at `at` (stored span),
// at or above $minRank, for placing each person in a faction (core/span.ts placeAt).
// params: $personIds: [string], $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int (1..3),
//         $families: [string]|null  source families (as in queries/network)
// returns rows: m: MEMBER_OF{.*, personId, factionId}
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})-[m:MEMBER_OF]->(f:Faction)
WHERE m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
  AND m.possibleEarliest <= date($atTo) AND date($atFrom) <= m.possibleLatest
RETURN m {.*, personId: p.id, factionId: f.id} AS m
