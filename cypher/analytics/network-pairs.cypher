// analytics/network-pairs: the network at a date tie by tie, for networks small enough for the
// server to read whole: their centrality is computed in the server (server/src/domain/centrality.ts)
// and their answers are kept by the network's content (server/src/graphql/analysis-network.ts).
// The same ties as analytics/project-ties: possibly active at `at` (stored span), at or above
// $minRank, cited by $families, between two persons.
// params: $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int (1..3),
//         $families: [string]|null  source families (as in queries/network),
//         $hostileKinds: [string]  tie kinds that are no bond (core/vocabulary.ts),
//         $max: int  at most $max + 1 rows are returned (more than $max ties: the caller uses GDS)
// returns rows, one per tie: tieId: string (elementId), a, b: string (person ids, a < b), aName, bName: string,
//         bond: boolean (the tie is not hostile)
MATCH (p:Person)-[t:TIE]->(q:Person)
WHERE t.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
  AND t.possibleEarliest <= date($atTo) AND date($atFrom) <= t.possibleLatest
  AND p <> q
// No aggregation: rows stream, so a large network stops at the LIMIT.
WITH t, CASE WHEN p.id < q.id THEN p ELSE q END AS x, CASE WHEN p.id < q.id THEN q ELSE p END AS y
LIMIT $max + 1
RETURN elementId(t) AS tieId, x.id AS a, x.name AS aName, y.id AS b, y.name AS bName, NOT t.kind IN $hostileKinds AS bond
