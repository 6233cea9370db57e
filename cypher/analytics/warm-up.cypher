// analytics/warm-up: projects one person (no relationship) as $graphName and streams its degree,
// so a freshly started Neo4j loads Graph Data Science's classes before the first user asks
// (that first load takes seconds). The caller drops the graph (analytics/drop-graph).
// params: $graphName: string
// returns zero rows (no person) or one row: nodeCount: int
MATCH (p:Person)
WITH p LIMIT 1
WITH gds.graph.project($graphName, p, null) AS graph
CALL gds.degree.stream(graph.graphName) YIELD nodeId
RETURN count(nodeId) AS nodeCount
