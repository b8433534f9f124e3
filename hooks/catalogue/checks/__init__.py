"""The checks: whether the data may be published. Reading and the model are data's; this stage runs the rules that
need more than one file or more than the schema can say, one module per concern, and loads the checked catalogue.

Imports only `data`.
"""
