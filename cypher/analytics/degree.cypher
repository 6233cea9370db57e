// analytics/degree: each person's number of distinct people tied to them (TIE relationships
// of a projection made by analytics/project-ties).
// params: $graphName: string, $keep: int (how many of the best to return)
// returns rows: personId: string, name: string, score: float
CALL gds.degree.stream($graphName, {relationshipTypes: ['TIE']}) YIELD nodeId, score
// Only the best $keep are named (naming every node of a large network costs more than the algorithm).
WITH nodeId, score ORDER BY score DESC LIMIT $keep
WITH gds.util.asNode(nodeId) AS person, score
RETURN person.id AS personId, person.name AS name, score
