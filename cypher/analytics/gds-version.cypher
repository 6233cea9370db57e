// analytics/gds-version: whether Graph Data Science is there (an unknown-function error when not),
// asked once by db/graph-catalog.ts before the server answers an analysis without calling GDS.
// params: none
// returns one row: version: string
RETURN gds.version() AS version
