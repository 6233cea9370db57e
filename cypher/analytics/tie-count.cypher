// analytics/tie-count: how many ties the data holds, for the analysis precompute
// (server/src/graphql/analysis-precompute.ts), which readies communities only when every
// network at a date is small enough for the server to read whole.
// params: none
// returns one row: ties: int
MATCH ()-[t:TIE]->()
RETURN count(t) AS ties
