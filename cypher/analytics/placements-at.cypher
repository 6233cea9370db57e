// analytics/placements-at: every membership possibly active at `at` (stored span), at or above
// $minRank, as analytics/placements returns them, whoever holds it: for placing many persons at
// once (the communities of a large network), one pass over the memberships costs less than
// looking each person up (at 100k synthetic persons, 93k members: 1.3-1.4 s against 2.1-2.9 s).
// params: $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int (1..3),
//         $families: [string]|null  source families (as in queries/network)
// returns rows: m: [personId, factionId, id, certainty, possibleEarliest, possibleLatest, certainEarliest, certainLatest]
WITH date($atFrom) AS atFrom, date($atTo) AS atTo
MATCH (p:Person)-[m:MEMBER_OF]->(f:Faction)
WHERE m.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN m.sourceFamilies WHERE family IN $families))
  AND m.possibleEarliest <= atTo AND atFrom <= m.possibleLatest
RETURN [p.id, f.id, m.id, m.certainty, toString(m.possibleEarliest), toString(m.possibleLatest), toString(m.certainEarliest), toString(m.certainLatest)] AS m
