// connection: a shortest path between two persons through ties possibly active at `at`.
// params: $fromId, $toId: string (different), $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int,
//         $families: [string]|null  source families (server/src/graphql/args.ts factFilter, as in queries/network)
//           (only ties those families cite are walked)
// returns one row:
//   fromExists, toExists: boolean
//   persons: [Person{.*}] along the path ([] when none; at most 10 hops)
//   ties: [TIE{.*, sourceId, targetId}] ties[i] joins persons[i] and persons[i+1]
OPTIONAL MATCH (a:Person {id: $fromId})
OPTIONAL MATCH (b:Person {id: $toId})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH path = shortestPath((a)-[:TIE*..10]-(b))
  WHERE all(t IN relationships(path) WHERE t.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
    AND t.possibleEarliest <= date($atTo) AND date($atFrom) <= t.possibleLatest)
  RETURN path
}
WITH a, b, collect(path)[0] AS path
RETURN
  a IS NOT NULL AS fromExists,
  b IS NOT NULL AS toExists,
  CASE WHEN path IS NULL THEN [] ELSE [n IN nodes(path) | n {.*}] END AS persons,
  CASE WHEN path IS NULL THEN [] ELSE [t IN relationships(path) | t {.*, sourceId: startNode(t).id, targetId: endNode(t).id}] END AS ties
