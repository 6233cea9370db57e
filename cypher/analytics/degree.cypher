// analytics/degree: each person's number of distinct people tied to them (TIE relationships
// of a projection made by analytics/project-ties).
// params: $graphName: string
// returns rows: personId: string, score: float
CALL gds.degree.stream($graphName, {relationshipTypes: ['TIE']}) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS personId, score
