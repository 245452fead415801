"""crawlers/spiders package."""
