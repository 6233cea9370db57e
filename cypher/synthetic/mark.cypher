// Marks a database as holding synthetic data, so a later run may wipe it without asking.
// Parameters: $seed: integer, $persons: integer.
// Result: one row {id: string}.
MERGE (m:AtlasSynthetic {id: 'synthetic'})
SET m.seed = $seed, m.persons = $persons
RETURN m.id AS id
