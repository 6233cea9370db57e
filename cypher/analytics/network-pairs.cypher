// analytics/network-pairs: the network at a date as the pairs of people it joins, for small
// networks whose centrality the server computes itself (server/src/domain/centrality.ts). The
// same ties and pairs as analytics/project-ties: possibly active at `at` (stored span), at or
// above $minRank, cited by $families, between two persons; parallel ties make one pair.
// params: $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int (1..3),
//         $families: [string]|null  source families (as in queries/network),
//         $max: int  at most $max + 1 pairs are returned (more than $max: the caller uses GDS)
// returns rows: a, b: string (person ids, a < b), aName, bName: string
MATCH (p:Person)-[t:TIE]->(q:Person)
WHERE t.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
  AND t.possibleEarliest <= date($atTo) AND date($atFrom) <= t.possibleLatest
  AND p <> q
WITH DISTINCT CASE WHEN p.id < q.id THEN p ELSE q END AS x, CASE WHEN p.id < q.id THEN q ELSE p END AS y
LIMIT $max + 1
RETURN x.id AS a, x.name AS aName, y.id AS b, y.name AS bName
