// analytics/betweenness: Brandes betweenness over the TIE relationships of a projection made by
// analytics/project-ties; exact, or estimated from a fixed sample of source nodes.
// params: $graphName: string, $keep: int (how many of the best to return), $config: map (relationshipTypes, and samplingSize/samplingSeed
//         when estimated)
// returns rows: personId: string, name: string, score: float
CALL gds.betweenness.stream($graphName, $config) YIELD nodeId, score
// Only the best $keep are named (naming every node of a large network costs more than the algorithm).
WITH nodeId, score ORDER BY score DESC LIMIT $keep
WITH gds.util.asNode(nodeId) AS person, score
RETURN person.id AS personId, person.name AS name, score
