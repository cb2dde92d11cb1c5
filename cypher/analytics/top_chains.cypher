// Most frequent chains: the endpoint_ids lists conversations followed, with count and share.
// A chain is the endpoints a conversation called, in order; pattern_types lists what it was used for.
// @param run_id "" only conversations of this run ("" = every run)
// @param limit 20 at most this many rows
// Browser: :params {run_id: "", limit: 20}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)
WHERE $run_id = '' OR r.id = $run_id
WITH c.endpoint_ids AS chain, c.pattern_type AS pattern
WITH chain, count(*) AS conversations, collect(DISTINCT pattern) AS patterns
WITH collect({chain: chain, conversations: conversations, patterns: patterns}) AS rows, sum(conversations) AS total
UNWIND rows AS row
RETURN row.chain AS chain,
       size(row.chain) AS length,
       row.conversations AS conversations,
       round(toFloat(row.conversations) / total, 4) AS share,
       row.patterns AS pattern_types
ORDER BY conversations DESC, length DESC, chain
LIMIT toInteger($limit)
