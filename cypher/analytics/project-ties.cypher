// analytics/project-ties: the network at a date, projected into Graph Data Science's graph
// catalog as $graphName (undirected). The network at `at` is the ties possibly active then
// (stored span, the same test as queries/network) at or above $minRank, between two persons.
// Parallel ties between one pair become one relationship of type TIE; the pair also gets one
// of type BOND when any of its ties is not hostile ($hostileKinds, core/vocabulary.ts):
// communities use BOND only, centrality uses TIE.
// params: $graphName: string, $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int (1..3),
//         $hostileKinds: [string]
// returns one row: nodeCount: int, relationshipCount: int (both null when no tie is active:
//         nothing is projected then), bonds: int (pairs joined by a BOND)
MATCH (a:Person)-[t:TIE]-(b:Person)
WHERE elementId(a) < elementId(b)
  AND t.certaintyRank >= $minRank
  AND t.possibleEarliest <= date($atTo) AND date($atFrom) <= t.possibleLatest
WITH a, b, any(kind IN collect(t.kind) WHERE NOT kind IN $hostileKinds) AS bond
// Algorithms refuse a relationship type the projection lacks, so the bonds are counted first.
WITH collect({a: a, b: b, bond: bond}) AS pairs
WITH pairs, size([pair IN pairs WHERE pair.bond]) AS bonds
UNWIND pairs AS pair
UNWIND CASE WHEN pair.bond THEN ['TIE', 'BOND'] ELSE ['TIE'] END AS type
WITH bonds, gds.graph.project($graphName, pair.a, pair.b, {relationshipType: type}, {undirectedRelationshipTypes: ['*']}) AS graph
RETURN graph.nodeCount AS nodeCount, graph.relationshipCount AS relationshipCount, bonds
