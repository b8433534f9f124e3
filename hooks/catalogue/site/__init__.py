"""What a reader's browser gets: the generated pages, their schema.org data, the search index, the site chrome.

Imports `catalogue.data` and `catalogue.language`, never `exports` or `office`.
"""
