// analytics/warm-up: projects two persons joined both ways the analysis projections join people
// (a TIE and a BOND relationship, undirected) as $graphName, so a freshly started Neo4j can load
// Graph Data Science's classes and compile the algorithm queries' plans (cypher/analytics/*)
// before the first user asks (the first load takes seconds). The caller runs the algorithms on
// it and drops it (analytics/drop-graph).
// params: $graphName: string
// returns zero rows (fewer than two persons) or one row: nodeCount: int
MATCH (p:Person)
WITH p LIMIT 2
WITH collect(p) AS two
WHERE size(two) = 2
UNWIND ['TIE', 'BOND'] AS type
WITH gds.graph.project($graphName, two[0], two[1], {relationshipType: type}, {undirectedRelationshipTypes: ['*']}) AS graph
RETURN graph.nodeCount AS nodeCount
