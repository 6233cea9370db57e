// Records which seed is loaded, so the next start can skip an unchanged seed.
// Parameters: $fingerprint (string).
// Result: one row { fingerprint: string }.
MERGE (meta:AtlasMeta {id: 'seed'})
SET meta.fingerprint = $fingerprint, meta.loadedAt = datetime()
RETURN meta.fingerprint AS fingerprint
