"""The office's figures: statistics of what is published, its history, where translations stand, and needs against
offers - for the figures pages, the exports and the office's report.

Imports only `data` and `publication`.
"""
