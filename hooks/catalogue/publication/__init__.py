"""Publication: what the catalogue shows on a given day, and why the rest is not shown - published and hidden offers,
ended offers, the news archive, free places still worth showing.

Imports only `data`.
"""
