// Add one generate invocation's realiser counts to its (:Run): conversations realised, retried and
// kept offline, requests sent, cache hits, tokens and estimated dollars. Added, not set, so a
// resumed run (the same Run node) sums its invocations (`batched`: answers paid through a Message Batch); the realiser and model are set.
// Params: $id, $realiser, $model, $counts (map of numbers; keys as in RealiserUsage), $cost (float or null).
MATCH (r:Run {id: $id})
SET r.realiser = $realiser, r.realiser_model = $model,
    r.realised = coalesce(r.realised, 0) + $counts.realised,
    r.realise_retried = coalesce(r.realise_retried, 0) + $counts.retried,
    r.realise_fell_back = coalesce(r.realise_fell_back, 0) + $counts.fell_back,
    r.realiser_requests = coalesce(r.realiser_requests, 0) + $counts.requests,
    r.realiser_cache_hits = coalesce(r.realiser_cache_hits, 0) + $counts.cache_hits,
    r.realiser_batched = coalesce(r.realiser_batched, 0) + $counts.batched,
    r.realiser_input_tokens = coalesce(r.realiser_input_tokens, 0) + $counts.input_tokens,
    r.realiser_output_tokens = coalesce(r.realiser_output_tokens, 0) + $counts.output_tokens,
    r.realiser_cache_write_tokens = coalesce(r.realiser_cache_write_tokens, 0) + $counts.cache_write_tokens,
    r.realiser_cache_read_tokens = coalesce(r.realiser_cache_read_tokens, 0) + $counts.cache_read_tokens,
    r.realiser_cost_usd = CASE WHEN $cost IS NULL THEN r.realiser_cost_usd
                               ELSE coalesce(r.realiser_cost_usd, 0.0) + $cost END
