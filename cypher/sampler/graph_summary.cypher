// What the generator needs to know before sampling: endpoint and FEEDS counts, and whether any
// conversation-ready start exists for each mode.
// Params: none.
RETURN COUNT { (:Endpoint) } AS endpoints,
       COUNT { ()-[:FEEDS]->() } AS feeds,
       COUNT { (e:Endpoint) WHERE e.out_feeds > 0 AND e.user_required_count > 0 } AS clarification_starts,
       COUNT { (e:Endpoint) WHERE e.in_feeds >= 2 } AS parallel_joins,
       COUNT { (c:Category) } AS categories
