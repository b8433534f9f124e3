"""Reading the data files, the settings and the schemas, and the typed, immutable model built from them.

Imports no other stage of the catalogue.
"""
