"""Finding input files and reading them into normalised text, with a warning for every problem.

A file that is binary, empty, unreadable, too large or gone becomes a warning on that
document and never stops the rest from loading. Decoding is in :mod:`medtui.corpus.decode`,
normalisation in :mod:`medtui.corpus.normalise`, front matter in
:mod:`medtui.corpus.frontmatter`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from medtui.corpus.decode import UTF8, decode
from medtui.corpus.deep_html import limit_html_depth
from medtui.corpus.frontmatter import FrontMatter, split_front_matter
from medtui.corpus.normalise import (
    limit_lines,
    normalise_chars,
    normalise_markup,
    unescape_entities,
    utf8_controls,
)
from medtui.errors import InputError

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"})
MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger files are read up to this size, with a warning."""
MAX_FILES = 1_000_000
"""More files than this under the given paths: the rest are not read, with a warning."""
@dataclass
class InputFile:
    """A file to read, and the path to show for it."""

    path: Path
    display: str


@dataclass
class DecodedText:
    """What a file holds as text, or None with the reason in ``warnings``."""

    text: str | None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    is_html: bool = False
    front: FrontMatter | None = None
    """The document's front matter (already taken out of ``text``), if it has one."""
    unreadable: str | None = None
    """Why there is no text at all, as a :data:`~medtui.corpus.model.UNREADABLE_KINDS` kind
    (None: read, or read and empty)."""


def display_path(path: Path, seeds_root: Path | None = None) -> str:
    """The path as users see it: relative to the working directory when under it.

    Always valid Unicode: bytes of a file name that are not UTF-8 are shown as ``\\xNN``,
    so the name can be printed, stored and written as JSON anywhere.
    """
    if seeds_root is not None:
        try:
            return _printable(str(Path("seeds") / path.relative_to(seeds_root)))
        except ValueError:
            pass
    try:
        return _printable(str(path.resolve().relative_to(Path.cwd().resolve())))
    except (ValueError, OSError):
        return _printable(str(path))


def _printable(name: str) -> str:
    """``name`` with lone surrogates (undecodable file-name bytes) as ``\\xNN`` escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def discover_files(
    paths: Iterable[str | Path], seeds_root: Path | None = None
) -> tuple[list[InputFile], list[str]]:
    """Every readable document under ``paths``, sorted, plus warnings for what was passed over.

    A path named on the command line that does not exist raises :class:`InputError`.
    Folders are walked recursively without following links into loops.
    """
    files: list[InputFile] = []
    warnings: list[str] = []
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        root = Path(os.fsdecode(raw)) if isinstance(raw, bytes) else Path(raw)
        try:
            st = root.stat()
        except FileNotFoundError:
            raise InputError(f"No such file or folder: {_safe(root)}.") from None
        except OSError as exc:
            raise InputError(f"Cannot open {_safe(root)}: {exc.strerror or exc}.") from None
        if stat.S_ISDIR(st.st_mode):
            _walk(root, files, warnings, seen, seeds_root)
        else:
            # A file named explicitly is read whatever its suffix.
            files.append(InputFile(root, display_path(root, seeds_root)))
    files.sort(key=lambda f: f.display)
    return files, warnings


def _safe(path: Path) -> str:
    return _printable(str(path))


def _walk(
    root: Path,
    files: list[InputFile],
    warnings: list[str],
    seen: set[tuple[int, int]],
    seeds_root: Path | None,
) -> None:
    # Each folder travels with its resolved path (None: resolve it), so that neither a
    # folder nor a file needs a resolve() of its own: listing 25,000 files stays well
    # under a second.
    try:
        cwd: str | None = str(Path.cwd().resolve())
    except OSError:
        cwd = None
    stack: list[tuple[Path, str | None]] = [(root, None)]
    while stack:
        folder, real = stack.pop()
        try:
            st = folder.stat()
        except OSError:
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            warnings.append(f"{_safe(folder)}: folder already read (a link loop?), skipped.")
            continue
        seen.add(ident)
        if real is None:
            try:
                real = str(folder.resolve())
            except OSError:
                real = None
        prefix = _display_prefix(real, cwd, seeds_root)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            warnings.append(f"{_safe(folder)}: cannot list folder ({exc.strerror or exc}).")
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=True):
                    child_real = None if real is None or entry.is_symlink() else os.path.join(real, name)
                    stack.append((_child(folder, name), child_real))
                    continue
                is_file = entry.is_file(follow_symlinks=True)
            except OSError:
                is_file = False
            if os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
                continue
            path = _child(folder, name)
            if not is_file:
                if entry.is_symlink():
                    warnings.append(f"{_safe(path)}: broken link (or a loop of links), skipped.")
                else:
                    warnings.append(f"{_safe(path)}: not a regular file, skipped.")
                continue
            if len(files) >= MAX_FILES:
                warnings.append(f"More than {MAX_FILES} files: the rest were not read.")
                return
            if prefix is not None and not entry.is_symlink():
                shown = _printable(str(path) if prefix == _OUTSIDE else os.path.join(prefix, name))
            else:
                shown = display_path(path, seeds_root)
            files.append(InputFile(path, shown))


def _child(folder: Path, name: str) -> Path:
    """``folder / name`` for a plain file name, without pathlib parsing it again (3x faster)."""
    make = getattr(folder, "_make_child_relpath", None)
    child: Path = make(name) if make is not None else folder / name
    return child


def _display_prefix(real: str | None, cwd: str | None, seeds_root: Path | None) -> str | None:
    """The display prefix of the files directly in the folder whose resolved path is ``real``.

    ``""`` for the working directory itself, ``_OUTSIDE`` for a folder outside it (the
    path is shown as given), None when :func:`display_path` must decide file by file.
    """
    if seeds_root is not None or real is None or cwd is None:
        return None
    if real == cwd:
        return ""
    prefix = cwd.rstrip(os.sep) + os.sep
    return real[len(prefix) :] if real.startswith(prefix) else _OUTSIDE


_OUTSIDE = "\0"


def read_bytes(path: Path) -> tuple[bytes | None, list[str]]:
    """The file's bytes (at most MAX_FILE_BYTES) or None, with warnings.

    The file is opened without blocking and checked on the open descriptor, so a file
    swapped for a FIFO after it was listed cannot hang the reader.
    """
    data, warnings, _ = _read_bytes(path)
    return data, warnings


def _read_bytes(path: Path) -> tuple[bytes | None, list[str], str | None]:
    """:func:`read_bytes` plus, when there are no bytes, why (an UNREADABLE_KINDS kind)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, ["the file vanished before it could be read"], "vanished"
    except PermissionError:
        return None, ["permission denied: the file cannot be read"], "permission"
    except OSError as exc:
        return None, [f"cannot be read ({exc.strerror or exc})"], "os-error"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None, ["not a regular file (a FIFO, device or socket), skipped"], "not-regular"
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except PermissionError:
        return None, ["permission denied: the file cannot be read"], "permission"
    except OSError as exc:
        return None, [f"cannot be read ({exc.strerror or exc})"], "os-error"
    finally:
        os.close(fd)
    warnings = []
    if len(data) > MAX_FILE_BYTES:
        data = data[:MAX_FILE_BYTES]
        warnings.append(
            f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB: only the first "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MiB were read"
        )
    return data, warnings, None



HTML_SUFFIXES = (".html", ".htm", ".xhtml")
"""Files read as HTML whatever they hold; their characters are normalised after parsing."""


def looks_like_html(path: Path, text: str) -> bool:
    """HTML by suffix, or by a doctype/<html> at the start of the text."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def read_document_text(path: Path) -> DecodedText:
    """Read and decode one file; every problem becomes a warning, never an exception."""
    data, warnings, refused = _read_bytes(path)
    if data is None:
        return DecodedText(None, None, warnings, unreadable=refused)
    controls = utf8_controls(data)  # one scan in C, for decode and normalise_markup
    text, encoding, more = decode(data, controls)
    warnings += more
    if text is None:  # decode refuses empty data (read: it holds nothing) and binary data
        return DecodedText(None, None, warnings, unreadable="binary" if data.strip() else None)
    markup = path.suffix.lower() in HTML_SUFFIXES
    text = normalise_markup(text, encoding not in UTF8 or controls) if markup else normalise_chars(text)
    front, text = split_front_matter(text)
    if not text.strip():
        return DecodedText(None, encoding, [*warnings, "no text in the file, skipped"], front=front)
    is_html = looks_like_html(path, text)
    if is_html:
        text, more = limit_html_depth(text)
        warnings += more
    else:
        text = unescape_entities(text)  # Markdown renders "&shy;" as a soft hyphen
    text, more = limit_lines(text)
    if not is_html:  # minified markup has long lines; what the reader sees is not cut
        warnings += more
    return DecodedText(text, encoding, warnings, is_html, front)
