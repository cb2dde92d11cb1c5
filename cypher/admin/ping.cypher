// Smallest round trip that proves the server runs queries (not just accepts a connection).
// Returns one row {ok: 1}. Params: none.
RETURN 1 AS ok
