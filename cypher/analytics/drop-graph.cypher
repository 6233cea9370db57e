// analytics/drop-graph: removes one of the app's projections from the graph catalog (no error
// when it is already gone).
// params: $graphName: string
// returns zero or one row: graphName: string
CALL gds.graph.drop($graphName, false) YIELD graphName
RETURN graphName
