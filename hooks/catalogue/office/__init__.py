"""The coordination office's tools: CODEOWNERS, reports, the translation exchange.

Imports `catalogue.data` and `catalogue.language`, never `site` or `exports`.
"""
