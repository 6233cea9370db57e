// analytics/project-ties: the network at a date, projected into Graph Data Science's graph
// catalog as $graphName (undirected). The network at `at` is the ties possibly active then
// (stored span, the same test as queries/network) at or above $minRank and cited by $families, between two persons.
// Parallel ties between one pair become one relationship of type TIE; the pair also gets one
// of type BOND when any of its ties is not hostile ($hostileKinds, core/vocabulary.ts):
// communities use BOND only, centrality uses TIE.
// params: $graphName: string, $atFrom, $atTo: string (YYYY-MM-DD), $minRank: int (1..3),
//         $families: [string]|null  source families (as in queries/network),
//         $hostileKinds: [string],
//         $readConcurrency: int  threads building the projection: 1 for a small network (GDS's
//         thread pool costs more than it saves there: 95 against 294 ms a projection, side by
//         side at the curated size), 4 (GDS's default) for a large one
// returns one row: nodeCount: int, relationshipCount: int (both null when no tie is active:
//         nothing is projected then), bonds: int (pairs joined by a BOND)
MATCH (a:Person)-[t:TIE]->(b:Person)
WHERE t.certaintyRank >= $minRank AND ($families IS NULL OR any(family IN t.sourceFamilies WHERE family IN $families))
  AND t.possibleEarliest <= date($atTo) AND date($atFrom) <= t.possibleLatest
  AND a <> b
// Each relationship is read once (directed); the pair is keyed by its ends in a fixed order.
WITH CASE WHEN elementId(a) < elementId(b) THEN a ELSE b END AS x,
     CASE WHEN elementId(a) < elementId(b) THEN b ELSE a END AS y,
     NOT t.kind IN $hostileKinds AS bond
WITH x, y, max(CASE WHEN bond THEN 1 ELSE 0 END) AS bond
UNWIND CASE WHEN bond = 1 THEN ['TIE', 'BOND'] ELSE ['TIE'] END AS type
// Algorithms refuse a relationship type the projection lacks, so the bonds are counted alongside.
WITH gds.graph.project($graphName, x, y, {relationshipType: type}, {undirectedRelationshipTypes: ['*'], readConcurrency: $readConcurrency}) AS graph,
     sum(CASE WHEN type = 'BOND' THEN 1 ELSE 0 END) AS bonds
RETURN graph.nodeCount AS nodeCount, graph.relationshipCount AS relationshipCount, bonds
