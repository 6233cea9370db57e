// analytics/degree: each person's number of distinct people tied to them (TIE relationships
// of a projection made by analytics/project-ties).
// params: $graphName: string
// returns rows: personId: string, name: string, score: float
CALL gds.degree.stream($graphName, {relationshipTypes: ['TIE']}) YIELD nodeId, score
WITH gds.util.asNode(nodeId) AS person, score
RETURN person.id AS personId, person.name AS name, score
