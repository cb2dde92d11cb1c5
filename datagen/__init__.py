"""datagen: synthetic tool-use conversations grounded in ToolBench schemas, on a Neo4j tool graph."""

__version__ = "0.1.0"
