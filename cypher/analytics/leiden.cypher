// analytics/leiden: Leiden communities over the BOND relationships (ties that are not hostile)
// of a projection made by analytics/project-ties; one thread and a fixed seed, so the same data
// gives the same communities.
// params: $graphName: string, $seed: int
// returns rows: personId: string, communityId: int
CALL gds.leiden.stream($graphName, {relationshipTypes: ['BOND'], randomSeed: $seed, concurrency: 1}) YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS personId, communityId
