"""Small pure parsers the spiders share: dates, salaries and the HN header line."""
