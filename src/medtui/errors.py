"""Errors that medtui reports to the user as one clear sentence (never a traceback)."""

NOTHING_READ = ("no story could be read from the given paths (medtui reads text, Markdown "
                "and HTML files: .txt, .md, .markdown, .html, .htm, .xhtml).")
"""What the command line (on stderr) and the app (status line and warnings) say when the
paths held no readable story: an empty folder, or only files of other types."""


class MedtuiError(Exception):
    """Base class: the message is a complete sentence meant for the user."""


class InputError(MedtuiError):
    """A path named by the user does not exist or cannot be read (CLI exit status 2)."""


class UsageError(MedtuiError):
    """The command line or a query is malformed (CLI exit status 2)."""
