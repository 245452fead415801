"""pipeline/flows package."""
