// analytics/label-propagation: label propagation communities over the BOND relationships (ties
// that are not hostile) of a projection made by analytics/project-ties, for networks too large
// for Leiden to answer in time; one thread, so the same data gives the same communities.
// params: $graphName: string
// returns rows: personId: string, name: string, communityId: int
CALL gds.labelPropagation.stream($graphName, {relationshipTypes: ['BOND'], maxIterations: 10, concurrency: 1}) YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS person, communityId
RETURN person.id AS personId, person.name AS name, communityId
