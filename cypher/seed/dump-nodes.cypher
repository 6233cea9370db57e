// Every curated node with all its properties, for the content checksum and the counts.
// Parameters: $labels: list of curated labels.
// Result: rows {label: string, properties: map}; unordered (the caller sorts).
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN [label IN labels(n) WHERE label IN $labels][0] AS label, properties(n) AS properties
