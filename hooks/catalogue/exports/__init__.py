"""Files that other programs read: open data (JSON, CSV), iCalendar, Atom, the sitemap.

Imports `catalogue.data` and `catalogue.language`, never `site` or `office`.
"""
