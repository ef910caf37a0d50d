"""The in-memory whoosh index over stories and the queries on it (no UI code here)."""
