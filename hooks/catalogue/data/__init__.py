"""Reading and checking the data files, and the typed, immutable model built from them.

Imports no other stage of the catalogue.
"""
