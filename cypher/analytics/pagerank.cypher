// analytics/pagerank: PageRank (damping 0.85) over the TIE relationships of a projection made
// by analytics/project-ties.
// params: $graphName: string
// returns rows: personId: string, name: string, score: float
CALL gds.pageRank.stream($graphName, {relationshipTypes: ['TIE'], dampingFactor: 0.85, maxIterations: 40, tolerance: 0.0000001}) YIELD nodeId, score
WITH gds.util.asNode(nodeId) AS person, score
RETURN person.id AS personId, person.name AS name, score
