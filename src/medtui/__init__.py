"""medtui: a keyboard-driven terminal browser for news about institutions and their partnerships."""

__version__ = "0.1.0"
