// span-activity: the interval rule of core/span.ts (spanActivity) written with the predicates the
// queries use to filter on a stored span (cypher/queries/network.cypher, timeline.cypher...).
// tests/integration/api/span-predicates.test.ts runs it on a table of cases against core/span.ts.
// params: $possibleFrom, $possibleTo, $certainFrom, $certainTo: string|null (YYYY-MM-DD; null: no such stretch)
//         $atFrom, $atTo: string (YYYY-MM-DD), the period asked about
// returns one row: {activity: 'CERTAIN' | 'POSSIBLE' | 'NO'}
WITH {possibleEarliest: date($possibleFrom), possibleLatest: date($possibleTo), certainEarliest: date($certainFrom), certainLatest: date($certainTo)} AS m,
     date($atFrom) AS atFrom, date($atTo) AS atTo
RETURN CASE
  WHEN NOT coalesce(m.possibleEarliest <= atTo AND atFrom <= m.possibleLatest, false) THEN 'NO'
  WHEN coalesce(m.certainEarliest <= atFrom AND atTo <= m.certainLatest, false) THEN 'CERTAIN'
  ELSE 'POSSIBLE'
END AS activity
