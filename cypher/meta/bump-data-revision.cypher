// Marks that the data changed: every loader runs this in its own write transaction, so servers
// polling meta/get-data-revision drop answers cached from the old data.
// Parameters: none.
// Result: one row { revision: string }.
MERGE (meta:AtlasMeta {id: 'data'})
SET meta.revision = randomUUID(), meta.changedAt = datetime()
RETURN meta.revision AS revision
