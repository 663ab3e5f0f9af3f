"""The searchd backend: the same searches over a sharded Sphinx searchd cluster.

The Vietnamese analysis stays in Python (keys.py): searchd stores the keys it makes as
tokens (tokens.py), searches the plans compile.py makes (translate.py), and counts facets
whose values the project's own column code resolved at build time (indexer.py).
"""
