// analytics/betweenness: Brandes betweenness over the TIE relationships of a projection made by
// analytics/project-ties; exact, or estimated from a fixed sample of source nodes.
// params: $graphName: string, $config: map (relationshipTypes, and samplingSize/samplingSeed
//         when estimated)
// returns rows: personId: string, score: float
CALL gds.betweenness.stream($graphName, $config) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS personId, score
