"""The education-offer catalogue: loading, checking and rendering, independent of any site generator."""
