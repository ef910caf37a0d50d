"""The Textual user interface: the only part of medtui that imports Textual."""
