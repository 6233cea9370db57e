// analytics/network-dates: the days on which the network may change, for the analysis
// precompute (server/src/graphql/analysis-precompute.ts): each day a tie's stored span starts
// (possibleEarliest) and the day after it ends (possibleLatest + 1 day). Between two such days
// the network at every day is the same, whatever the filter.
// params: $max: int  at most $max + 1 days are returned
// returns rows: day: string (YYYY-MM-DD), in order
MATCH ()-[t:TIE]->()
WHERE t.possibleEarliest IS NOT NULL AND t.possibleLatest IS NOT NULL
UNWIND [t.possibleEarliest, t.possibleLatest + duration({days: 1})] AS day
WITH DISTINCT day
ORDER BY day
LIMIT $max + 1
RETURN toString(day) AS day
