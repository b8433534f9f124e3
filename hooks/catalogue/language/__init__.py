"""A language's words: texts with their fallback chain, interface labels, CLDR formats, Markdown of the data.

Imports only `catalogue.data`.
"""
