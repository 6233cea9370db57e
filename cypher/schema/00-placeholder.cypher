// Placeholder so the schema folder is never empty. Parameters: none. Result: none.
CREATE CONSTRAINT atlas_meta_id IF NOT EXISTS FOR (m:AtlasMeta) REQUIRE m.id IS UNIQUE;
