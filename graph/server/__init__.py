"""The local Neo4j server Pactgraph runs itself, and what Neo4j Browser is given (config, guides)."""
