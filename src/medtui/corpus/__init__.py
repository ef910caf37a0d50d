"""Reading documents and turning them into clean, dated stories (no UI code here)."""
