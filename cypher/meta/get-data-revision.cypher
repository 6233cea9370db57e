// The data revision last set by meta/bump-data-revision (null before any loader set one).
// Parameters: none.
// Result: one row { revision: string | null }.
OPTIONAL MATCH (meta:AtlasMeta {id: 'data'})
RETURN meta.revision AS revision
