"""Analytics over the graph: named Cypher queries in `cypher/analytics/`, run with typed parameters.

`catalog` reads the queries and their documented parameter defaults, `run` executes one and turns
the driver's values into plain JSON-able rows. `datagen query` is the command-line front end; the
same files can be pasted into Neo4j Browser.
"""
