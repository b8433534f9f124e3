"""Puts one build together: renders every language's pages and export files in worker processes and writes them.

The only stage that combines `site` and `exports`; the mkdocs adapter calls it.
"""
