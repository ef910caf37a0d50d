"""The panes and bars of the browser screen."""
