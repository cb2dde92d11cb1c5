// Judge failures by gate: how many scored conversations failed each gate.
// Uses the latest JudgeScore of every scored conversation; share_of_scored is over the scored
// conversations (a conversation can fail several gates). Empty until `datagen evaluate` has written
// scores back.
// @param run_id "" only conversations of this run ("" = every run)
// Browser: :params {run_id: ""}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)-[:SCORED]->(s:JudgeScore)
WHERE $run_id = '' OR r.id = $run_id
WITH c, s
ORDER BY s.scored_at DESC, s.id DESC
WITH c, head(collect(s)) AS latest
WITH collect(latest) AS scores
UNWIND scores AS s
UNWIND s.failed_gates AS gate
WITH gate, count(*) AS failures, size(scores) AS scored, avg(s.mean_score) AS mean_score
RETURN gate,
       failures,
       scored AS scored_conversations,
       round(toFloat(failures) / scored, 4) AS share_of_scored,
       round(mean_score, 3) AS mean_score_of_failures
ORDER BY failures DESC, gate
