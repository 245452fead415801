"""pipeline/skills package."""
