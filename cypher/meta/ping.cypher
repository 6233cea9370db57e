// The cheapest possible round trip: proves the connection and the database answer.
// Parameters: none.
// Result: one row { ok: integer } (always 1).
RETURN 1 AS ok
