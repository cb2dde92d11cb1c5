// Endpoint and Parameter flags the samplers read: whether some output can fill a parameter, how many
// required parameters only the user can supply, and FEEDS in/out degrees.
// Params: $catalog (the catalog being built). Auto-commit only (IN TRANSACTIONS).
MATCH (e:Endpoint {catalog: $catalog})
CALL (e) {
  OPTIONAL MATCH (e)-[h:HAS_PARAM]->(p:Parameter)
  WITH e, p, h, p IS NOT NULL AND EXISTS { ()-[:CAN_FILL]->(p) } AS fillable
  FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | SET p.fillable = fillable)
  WITH e, sum(CASE WHEN h.required AND NOT fillable THEN 1 ELSE 0 END) AS user_required
  SET e.user_required_count = user_required,
      e.out_feeds = COUNT { (e)-[:FEEDS]->() },
      e.in_feeds = COUNT { ()-[:FEEDS]->(e) }
} IN TRANSACTIONS OF 2000 ROWS
