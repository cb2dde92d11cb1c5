// What is in the graph: node counts per label and relationship counts per type, in one table.
// For Neo4j Browser (no APOC needed).
MATCH (n)
UNWIND labels(n) AS name
RETURN 'node' AS kind, name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
