// Uniqueness constraints and lookup indexes for every node label datagen writes.
// Run statement by statement (split on ';') before any MERGE; every statement is idempotent.
// Catalog nodes (Category, Tool, Endpoint, Parameter, ResponseField) are unique per catalog: a build
// writes a whole new catalog beside the one in use and switches to it at the end (graph/switch_catalog),
// so one id exists once per catalog. The single-id constraints of datagen before that are dropped.
// Params: none.
DROP CONSTRAINT category_id IF EXISTS;
DROP CONSTRAINT tool_id IF EXISTS;
DROP CONSTRAINT endpoint_id IF EXISTS;
DROP CONSTRAINT parameter_id IF EXISTS;
DROP CONSTRAINT response_field_id IF EXISTS;
CREATE CONSTRAINT category_catalog_id IF NOT EXISTS FOR (n:Category) REQUIRE (n.id, n.catalog) IS UNIQUE;
CREATE CONSTRAINT tool_catalog_id IF NOT EXISTS FOR (n:Tool) REQUIRE (n.id, n.catalog) IS UNIQUE;
CREATE CONSTRAINT endpoint_catalog_id IF NOT EXISTS FOR (n:Endpoint) REQUIRE (n.id, n.catalog) IS UNIQUE;
CREATE CONSTRAINT parameter_catalog_id IF NOT EXISTS FOR (n:Parameter) REQUIRE (n.id, n.catalog) IS UNIQUE;
CREATE CONSTRAINT response_field_catalog_id IF NOT EXISTS FOR (n:ResponseField) REQUIRE (n.id, n.catalog) IS UNIQUE;
CREATE INDEX category_catalog IF NOT EXISTS FOR (n:Category) ON (n.catalog);
CREATE INDEX tool_catalog IF NOT EXISTS FOR (n:Tool) ON (n.catalog);
// No index on Endpoint.catalog alone: the samplers filter their start-key range seek by catalog, and
// with one the planner may seek every endpoint of the catalog instead (hints are not enforced).
DROP INDEX endpoint_catalog IF EXISTS;
CREATE INDEX parameter_catalog IF NOT EXISTS FOR (n:Parameter) ON (n.catalog);
CREATE INDEX response_field_catalog IF NOT EXISTS FOR (n:ResponseField) ON (n.catalog);
CREATE INDEX endpoint_id_any IF NOT EXISTS FOR (n:Endpoint) ON (n.id);
CREATE CONSTRAINT run_id IF NOT EXISTS FOR (n:Run) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT conversation_id IF NOT EXISTS FOR (n:Conversation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT message_id IF NOT EXISTS FOR (n:Message) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT tool_call_id IF NOT EXISTS FOR (n:ToolCall) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT judge_score_id IF NOT EXISTS FOR (n:JudgeScore) REQUIRE n.id IS UNIQUE;
CREATE INDEX parameter_concept IF NOT EXISTS FOR (n:Parameter) ON (n.concept);
CREATE INDEX response_field_concept IF NOT EXISTS FOR (n:ResponseField) ON (n.concept);
CREATE INDEX endpoint_rk IF NOT EXISTS FOR (n:Endpoint) ON (n.rk);
CREATE INDEX endpoint_start_sequential IF NOT EXISTS FOR (n:Endpoint) ON (n.start_sequential);
CREATE INDEX endpoint_start_multi_tool IF NOT EXISTS FOR (n:Endpoint) ON (n.start_multi_tool);
CREATE INDEX endpoint_start_clarification_first IF NOT EXISTS FOR (n:Endpoint) ON (n.start_clarification_first);
CREATE INDEX endpoint_start_parallel IF NOT EXISTS FOR (n:Endpoint) ON (n.start_parallel);
CREATE INDEX endpoint_start_fan_out IF NOT EXISTS FOR (n:Endpoint) ON (n.start_fan_out);
CREATE INDEX endpoint_build IF NOT EXISTS FOR (n:Endpoint) ON (n.build_id);
CREATE INDEX tool_build IF NOT EXISTS FOR (n:Tool) ON (n.build_id);
CREATE INDEX parameter_build IF NOT EXISTS FOR (n:Parameter) ON (n.build_id);
CREATE INDEX response_field_build IF NOT EXISTS FOR (n:ResponseField) ON (n.build_id);
CREATE INDEX category_build IF NOT EXISTS FOR (n:Category) ON (n.build_id)
