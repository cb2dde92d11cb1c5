"""The Neo4j Browser guide: `guide.html` (slides with runnable Cypher) and the tiny server that
serves it with CORS so Browser's `:guide <url>` can load it. See `datagen neo4j guide`."""
