// FEEDS coverage: endpoints with an outgoing edge, an incoming edge, both, either (they take part
// in some chain); and the categories in which at least one FEEDS edge starts.
// Params: $catalog.
MATCH (e:Endpoint {catalog: $catalog})
WITH count(e) AS endpoints,
     sum(CASE WHEN e.out_feeds > 0 THEN 1 ELSE 0 END) AS with_out,
     sum(CASE WHEN e.in_feeds > 0 THEN 1 ELSE 0 END) AS with_in,
     sum(CASE WHEN e.out_feeds > 0 AND e.in_feeds > 0 THEN 1 ELSE 0 END) AS with_both,
     sum(CASE WHEN e.out_feeds > 0 OR e.in_feeds > 0 THEN 1 ELSE 0 END) AS with_any
CALL () {
  MATCH (c:Category {catalog: $catalog})<-[:IN_CATEGORY]-(:Tool)-[:HAS_ENDPOINT]->(e:Endpoint)
  WITH c, max(e.out_feeds) AS top
  RETURN collect(CASE WHEN top > 0 THEN c.name END) AS categories_with_feeds, count(c) AS categories
}
RETURN endpoints, with_out, with_in, with_both, with_any, categories_with_feeds, categories
