// search: candidate persons for a name query, ranked afterwards in server/src/domain/search.ts.
// Two passes over the full-text index person_names, in this one query: the exact pass (whole
// keys, words, skeletons, joined syllables, the last word as a prefix; cheap) and, only when
// that found fewer than $enough persons, the fuzzy pass (typo-tolerant `~` terms; costly on a
// large index).
// params: $exact, $fuzzy: string (the two Lucene queries, built by searchParams: field
//           searchKeys, letters/digits in terms and quoted phrases, no user syntax),
//         $enough: int (the limit asked for), $candidates: int (hits per pass, and rows at most),
//         $pool: int (exact hits looked through), $prefix: string | null, $prefixWords: int (when
//           $prefix is set, an exact hit counts only if one of its searchKeys has $prefixWords
//           words beginning with $prefix: Lucene cannot require distinct words, see prefixCheck)
// returns one row per candidate, exact-pass hits first, then by full-text score:
//   person: Person{.*}, fulltext: float, exact: boolean (found by the exact pass),
//   degree: int (relationships of any kind: the ranking's prominence tie-break)
CALL db.index.fulltext.queryNodes('person_names', $exact, {limit: $pool}) YIELD node, score
WHERE $prefix IS NULL OR any(key IN node.searchKeys WHERE size([word IN split(key, ' ') WHERE word STARTS WITH $prefix]) >= $prefixWords)
WITH node, score
ORDER BY score DESC
LIMIT $candidates
WITH collect({p: node, score: score, exact: true}) AS exactHits
CALL (exactHits) {
  WITH exactHits WHERE size(exactHits) < $enough
  CALL db.index.fulltext.queryNodes('person_names', $fuzzy, {limit: $candidates}) YIELD node, score
  RETURN collect({p: node, score: score, exact: false}) AS fuzzyHits
}
UNWIND exactHits + fuzzyHits AS hit
WITH hit.p AS p, max(hit.score) AS fulltext, any(x IN collect(hit.exact) WHERE x) AS exact
ORDER BY exact DESC, fulltext DESC, p.id
LIMIT $candidates
RETURN p {.*} AS person, fulltext, exact, COUNT { (p)--() } AS degree
