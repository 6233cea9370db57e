// Before wiping a database for synthetic data: is it marked synthetic, and how much does it hold?
// Parameters: none.
// Result: one row {markers: integer (AtlasSynthetic nodes), nodes: integer (all nodes)}.
CALL { MATCH (m:AtlasSynthetic) RETURN count(m) AS markers }
CALL { MATCH (n) RETURN count(n) AS nodes }
RETURN markers, nodes
