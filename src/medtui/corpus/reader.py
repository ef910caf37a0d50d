"""Finding input files and decoding them into text, with a warning for every problem.

A file that is binary, empty, unreadable, too large or gone becomes a warning on that
document and never stops the rest from loading.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from medtui.corpus.deep_html import limit_html_depth
from medtui.errors import InputError

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml"})
MAX_FILE_BYTES = 16 * 1024 * 1024
"""Larger files are read up to this size, with a warning."""
MAX_LINE_CHARS = 200_000
"""Longer lines are broken into lines of at most this length (at a space when there is
one near the limit), with a warning: no text is lost, and no later step sees a huge line."""
MAX_FILES = 1_000_000
"""More files than this under the given paths: the rest are not read, with a warning."""
BINARY_CONTROL_SHARE = 0.05
"""Data where more than this share of the first bytes / characters are control codes or
undecodable is binary, not text (text with a few terminal escape sequences is still text)."""
_SNIFF_BYTES = 8192

_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\x7fELF", "an ELF executable"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%PDF", "a PDF file"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
)


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
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, ["the file vanished before it could be read"]
    except PermissionError:
        return None, ["permission denied: the file cannot be read"]
    except OSError as exc:
        return None, [f"cannot be read ({exc.strerror or exc})"]
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None, ["not a regular file (a FIFO, device or socket), skipped"]
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
        return None, ["permission denied: the file cannot be read"]
    except OSError as exc:
        return None, [f"cannot be read ({exc.strerror or exc})"]
    finally:
        os.close(fd)
    warnings = []
    if len(data) > MAX_FILE_BYTES:
        data = data[:MAX_FILE_BYTES]
        warnings.append(
            f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB: only the first "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MiB were read"
        )
    return data, warnings


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b\x07\x08")
"""Control bytes that text does hold (terminal escapes included: they are shown inert)."""
_BAD_CHARS = re.compile("[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")


_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS)


def _mostly_controls(sample: bytes) -> bool:
    """True when too many bytes of ``sample`` are control codes for it to be text."""
    bad = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted in C
    return bad > max(4, BINARY_CONTROL_SHARE * len(sample))


def _binary_text(text: str) -> bool:
    """True when decoded ``text`` is mostly undecodable or control characters."""
    sample = text[: _SNIFF_BYTES * 8]
    return len(_BAD_CHARS.findall(sample)) > max(8, 2 * BINARY_CONTROL_SHARE * len(sample))


def _utf8(data: bytes) -> tuple[str, list[str]] | None:
    """``data`` as UTF-8, if it is UTF-8 but for a few bad bytes (or a cut last character)."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8", "replace"), []  # a character cut at the end
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if multibyte >= 2 * bad:  # legacy encodings make valid UTF-8 sequences only by rare chance
        return text, [f"not valid UTF-8 in {bad} place{'s' if bad > 1 else ''}: "
                      "those bytes were replaced"]
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_COMMON = ("cp1252", "gb18030", "big5", "shift_jis", "euc_kr", "cp1250", "cp1251", "latin_1")
"""Legacy encodings in order of how often web pages use them."""


def decode(data: bytes) -> tuple[str | None, str | None, list[str]]:
    """Bytes to text: BOMs, UTF-8, UTF-16 without BOM, else a detected legacy encoding.

    Returns (text, encoding, warnings); text is None for binary or undecodable data.
    """
    text, encoding, warnings = _decode(data)
    if text is not None and _binary_text(text):
        return None, None, ["binary data, not text (mostly control codes or undecodable "
                            "bytes), skipped"]
    return text, encoding, warnings


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{2,40})""", re.I)
# What browsers read for these labels (the WHATWG encoding standard): supersets.
_CHARSET_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "iso-8859-1": "cp1252",
                      "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def _declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag (read before guessing)."""
    m = _META_CHARSET.search(head)
    if m is None:
        return None
    label = m.group(1).decode("ascii", "replace").lower()
    return _CHARSET_SUPERSETS.get(label, label)


def _decode(data: bytes) -> tuple[str | None, str | None, list[str]]:
    if not data.strip():
        return None, None, ["empty file, skipped"]
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig", []
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", "replace"), "utf-32", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16", []
    kind = _binary_kind(data)
    if kind:
        return None, None, [f"binary file ({kind}), skipped"]
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        return data.decode(utf16, "replace"), utf16, [f"no byte-order mark: read as {utf16}"]
    if b"\x00" in data[:_SNIFF_BYTES]:
        return None, None, ["binary file (it holds NUL bytes), skipped"]
    if _mostly_controls(data[:_SNIFF_BYTES]):
        return None, None, ["binary data, not text (mostly control codes), skipped"]
    as_utf8 = _utf8(data)
    if as_utf8 is not None:
        return as_utf8[0], "utf-8", as_utf8[1]
    declared = _declared_charset(data[:_SNIFF_BYTES])
    if declared is not None:
        try:
            return data.decode(declared), declared, []
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: guess instead
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:262_144])
    best = matches.best()
    if best is None or best.encoding is None:
        return (
            data.decode("utf-8", "replace"),
            "utf-8",
            ["not valid UTF-8 and no other encoding fits: undecodable bytes were replaced"],
        )
    # Candidates that fit (nearly) as well as the best are told apart by how common they
    # are on the web: a Western page in cp1252 otherwise often comes out as cp1250.
    close = [
        enc for m in matches
        if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05
        for enc in (m.encoding, *m.could_be_from_charset)
    ]
    encoding = min(close, key=lambda e: _COMMON.index(e) if e in _COMMON else len(_COMMON),
                   default=best.encoding)
    return data.decode(encoding, "replace"), encoding, [f"encoding guessed as {encoding}"]


def normalise_text(text: str) -> tuple[str, list[str]]:
    """Unify line ends, drop control characters, NFC-normalise and break over-long lines."""
    return limit_lines(_normalise_chars(text))


def _normalise_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def limit_lines(text: str) -> tuple[str, list[str]]:
    """Break lines longer than MAX_LINE_CHARS: at a space near the limit, else after a '>'
    (minified HTML), else at the limit.

    Every character is kept; the warning says that lines were broken. This bounds the
    work of every later per-line step (cleaning, splitting) on pathological input.
    """
    lines = text.split("\n")
    if max(map(len, lines)) <= MAX_LINE_CHARS:
        return text, []
    out: list[str] = []
    for line in lines:
        while len(line) > MAX_LINE_CHARS:
            cut = line.rfind(" ", MAX_LINE_CHARS * 9 // 10, MAX_LINE_CHARS + 1)
            if cut > 0:
                out.append(line[:cut])
                line = line[cut + 1 :]
                continue
            cut = line.rfind(">", MAX_LINE_CHARS * 9 // 10, MAX_LINE_CHARS) + 1
            cut = cut or MAX_LINE_CHARS
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out), [f"lines longer than {MAX_LINE_CHARS:,} characters were broken "
                            "into shorter lines"]


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but tab and newline, DEL and the C1 controls (one regex scan: fast)."""


def looks_like_html(path: Path, text: str) -> bool:
    """HTML by suffix, or by a doctype/<html> at the start of the text."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def read_document_text(path: Path) -> DecodedText:
    """Read and decode one file; every problem becomes a warning, never an exception."""
    data, warnings = read_bytes(path)
    if data is None:
        return DecodedText(None, None, warnings)
    text, encoding, more = decode(data)
    warnings += more
    if text is None:
        return DecodedText(None, None, warnings)
    text = _normalise_chars(text)
    if not text.strip():
        return DecodedText(None, encoding, [*warnings, "no text in the file, skipped"])
    is_html = looks_like_html(path, text)
    if is_html:
        text, more = limit_html_depth(text)
        warnings += more
    text, more = limit_lines(text)
    warnings += more
    return DecodedText(text, encoding, warnings, is_html)
