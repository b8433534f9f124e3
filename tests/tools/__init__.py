"""Small tools the tests and the Makefile run on the repository itself (not part of the product)."""
