"""Pactgraph: security-cooperation documents into a Neo4j knowledge graph with evidence."""

__version__ = "0.1.0"
