// analytics/person-ids: the persons' ids, for the analysis precompute
// (server/src/graphql/analysis-precompute.ts), which readies each one's exposure.
// params: $max: int  at most $max + 1 ids are returned
// returns rows: id: string, in order
MATCH (p:Person)
RETURN p.id AS id
ORDER BY id
LIMIT $max + 1
