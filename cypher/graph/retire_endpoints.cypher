// The endpoints of other catalogs that tool calls still call (graph/delete_other_catalogs keeps them):
// drop their start keys and any catalog edge left, so no sampler and no projection reaches them.
// Params: $keep (list of catalog keys to keep). Auto-commit only (IN TRANSACTIONS).
MATCH (e:Endpoint)
WHERE NOT coalesce(e.catalog, '') IN $keep
CALL (e) {
  OPTIONAL MATCH (e)-[r:FEEDS|HAS_PARAM|RETURNS|HAS_ENDPOINT]-()
  DELETE r
  WITH DISTINCT e
  REMOVE e.start_sequential, e.start_multi_tool, e.start_clarification_first, e.start_parallel, e.start_fan_out
  SET e.retired = true
} IN TRANSACTIONS OF 2000 ROWS
