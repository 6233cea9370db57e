// The fingerprint of the seed last loaded, and how many curated persons exist.
// Parameters: none.
// Result: one row { fingerprint: string | null, persons: integer }.
OPTIONAL MATCH (meta:AtlasMeta {id: 'seed'})
RETURN meta.fingerprint AS fingerprint, COUNT { (:Person) } AS persons
