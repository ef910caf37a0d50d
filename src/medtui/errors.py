"""Errors that medtui reports to the user as one clear sentence (never a traceback)."""


class MedtuiError(Exception):
    """Base class: the message is a complete sentence meant for the user."""


class InputError(MedtuiError):
    """A path named by the user does not exist or cannot be read (CLI exit status 2)."""


class UsageError(MedtuiError):
    """The command line or a query is malformed (CLI exit status 2)."""
