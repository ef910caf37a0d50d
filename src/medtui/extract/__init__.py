"""Finding institutions and partnership events in stories (no UI code here)."""
