"""jobtrends: how the AI engineer and data scientist job markets diverge, from the postings."""

__version__ = "0.1.0"
