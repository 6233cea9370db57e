// analytics/leiden: Leiden communities over the BOND relationships (ties that are not hostile)
// of a projection made by analytics/project-ties; one thread and a fixed seed, so the same data
// gives the same communities.
// params: $graphName: string, $seed: int
// returns rows: personId: string, name: string, communityId: int
CALL gds.leiden.stream($graphName, {relationshipTypes: ['BOND'], randomSeed: $seed, concurrency: 1}) YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS person, communityId
RETURN person.id AS personId, person.name AS name, communityId
