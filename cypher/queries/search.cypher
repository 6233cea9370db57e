// search: candidate persons for a name query (ranked afterwards in server/src/domain/search.ts).
// params: $lucene: string (full-text query over the person_names index, letters/digits only),
//         $keys: [string] (exact normalised keys), $candidates: int (full-text hits to consider)
// returns one row per candidate: person: Person{.*}, fulltext: float (0 when only an exact key matched)
CALL () {
  CALL db.index.fulltext.queryNodes('person_names', $lucene, {limit: $candidates}) YIELD node, score
  RETURN node AS p, score
  UNION ALL
  MATCH (p:Person)
  WHERE any(key IN p.searchKeys WHERE key IN $keys)
  RETURN p, 0.0 AS score
}
WITH p, max(score) AS fulltext
RETURN p {.*} AS person, fulltext
ORDER BY fulltext DESC, p.id
