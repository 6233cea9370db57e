// The project's own bookkeeping node: (:AtlasMeta {id: 'seed'}) records the fingerprint of the
// seed last loaded (cypher/meta/*-seed-state.cypher). Parameters: none. Result: none.
CREATE CONSTRAINT atlas_meta_id IF NOT EXISTS FOR (m:AtlasMeta) REQUIRE m.id IS UNIQUE;
