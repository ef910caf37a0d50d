"""Screens shown over the browser: help and warnings."""
