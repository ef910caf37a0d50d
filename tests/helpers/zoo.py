"""An input zoo: every kind of file medtui may be pointed at, with what it should do.

``build_zoo(folder)`` writes the specimens and returns them. Each readable specimen
carries a marker word that must reach a story's text (nothing lost); each skipped one
names the reason its warning must give. Used by tests/test_hostile_inputs.py.
"""

from __future__ import annotations

import gzip
import io
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

STORY = (
    "{marker} press release\n\n"
    "The University of Hong Kong signed a memorandum of understanding with Zhejiang "
    "University on 11 March 2025 to train doctors together. The {marker} programme will "
    "admit its first students next year.\n"
)
CHINESE = "香港大學與浙江大學於2025年3月11日簽署合作備忘錄，共同培養醫學人才。雙方將推動研究發展。\n"
JAPANESE = "東京大学と京都大学は2025年3月11日に覚書を締結しました。医学教育で協力します。\n"
WESTERN = ("Caf\u00e9 na\u00efve \u2013 \u201cquoted\u201d: the M\u00fcnchen university "
           "and its r\u00e9sum\u00e9 of partnerships. ")


@dataclass
class Specimen:
    """One file of the zoo and what medtui must make of it."""

    name: str
    kind: str
    marker: str | None = None
    """A word that must appear in a story's text (None: the file gives no story)."""
    warnings: list[str] = field(default_factory=list)
    """Regexes: each must match exactly one warning about the file; no other warnings."""
    keeps: str | None = None
    """Text (not ASCII) that must reach a story exactly as written (encodings)."""
    in_corpus: bool = False
    """The file is not a document at all: its one warning is a folder-level warning."""


def story(marker: str) -> str:
    """A short press release whose story text contains ``marker`` twice."""
    return STORY.format(marker=marker)


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def elf_bytes() -> bytes:
    """The start of a 64-bit ELF executable, padded with code-like bytes."""
    header = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
    return header + bytes(range(256)) * 16


def zip_bytes() -> bytes:
    """A zip archive holding a text file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("inside.txt", story("zipinside"))
    return buf.getvalue()


def build_zoo(folder: Path) -> list[Specimen]:
    """Write the zoo into ``folder`` (created) and return its specimens."""
    folder.mkdir(parents=True, exist_ok=True)
    specimens: list[Specimen] = []

    def put(name: str, data: bytes, spec: Specimen) -> None:
        (folder / name).write_bytes(data)
        specimens.append(spec)

    put("good_plain.txt", story("alphaplain").encode(), Specimen("good_plain.txt", "plain UTF-8 text", "alphaplain"))
    put("good_markdown.md", ("# " + story("bravomark")).encode(),
        Specimen("good_markdown.md", "Markdown", "bravomark"))
    put("empty.txt", b"", Specimen("empty.txt", "empty file", warnings=["empty file"]))
    put("whitespace.txt", b" \n\t\r\n  \n", Specimen("whitespace.txt", "whitespace only", warnings=["empty file"]))
    put("one_byte.txt", b"x", Specimen("one_byte.txt", "1-byte file", "x"))
    put("long_lines.txt", b"".join(
        (b"longline%d " % i) + b"word " * 200_000 + (b"tail%dend\n" % i) for i in range(2)),
        Specimen("long_lines.txt", "two 1 MB lines", "tail1end", warnings=["lines longer than"]))
    put("nul.txt", story("nulnul").encode().replace(b" ", b"\x00"),
        Specimen("nul.txt", "NUL bytes", warnings=["NUL bytes"]))
    put("image.txt", png_bytes(), Specimen("image.txt", "PNG named .txt", warnings=["PNG image"]))
    put("program.txt", elf_bytes(), Specimen("program.txt", "ELF named .txt", warnings=["ELF"]))
    put("archive.txt", zip_bytes(), Specimen("archive.txt", "zip named .txt", warnings=["zip archive"]))
    put("compressed.txt", gzip.compress(story("gzinside").encode()),
        Specimen("compressed.txt", "gzip named .txt", warnings=["gzip archive"]))
    put("random.txt", bytes(b or 1 for b in os.urandom(64 * 1024)),
        Specimen("random.txt", "random bytes (no magic, no NUL)", warnings=["binary data"]))
    put("bad_utf8.txt", (story("charliebad") + WESTERN).encode() + b"\xff\xfe stray \xc3( bytes\n",
        Specimen("bad_utf8.txt", "UTF-8 with invalid bytes", "charliebad",
                 warnings=["not valid UTF-8"], keeps="r\u00e9sum\u00e9"))
    put("truncated_utf8.txt", (story("deltacut") + "caf\u00e9").encode()[:-1],
        Specimen("truncated_utf8.txt", "UTF-8 cut inside the last character", "deltacut"))
    # The marker on the WESTERN line too: a line repeated verbatim in several files of one
    # folder would be corpus boilerplate (medtui.corpus.boilerplate), taken out of the text.
    text16 = story("echosixteen") + WESTERN + "(echosixteen)\n"
    put("utf16_bom.txt", text16.encode("utf-16"),
        Specimen("utf16_bom.txt", "UTF-16 with BOM", "echosixteen", keeps="r\u00e9sum\u00e9"))
    put("utf16le.txt", text16.replace("echo", "foxtrot").encode("utf-16-le"),
        Specimen("utf16le.txt", "UTF-16-LE without BOM", "foxtrotsixteen",
                 warnings=["no byte-order mark"], keeps="r\u00e9sum\u00e9"))
    put("utf16be.txt", text16.replace("echo", "golf").encode("utf-16-be"),
        Specimen("utf16be.txt", "UTF-16-BE without BOM", "golfsixteen",
                 warnings=["no byte-order mark"], keeps="r\u00e9sum\u00e9"))
    put("big5.txt", (story("hotelbig") + CHINESE * 4).encode("big5"),
        Specimen("big5.txt", "Big5", "hotelbig", warnings=["encoding guessed as (big5|cp950)"],
                 keeps=CHINESE.strip()))
    put("gb18030.txt", (story("indiagb") + CHINESE * 4).encode("gb18030"),
        Specimen("gb18030.txt", "GB18030", "indiagb", warnings=["encoding guessed as (gb18030|gbk|gb2312)"],
                 keeps=CHINESE.strip()))
    put("shift_jis.txt", (story("julietjis") + JAPANESE * 4).encode("shift_jis"),
        Specimen("shift_jis.txt", "Shift-JIS", "julietjis", warnings=["encoding guessed as (shift_jis|cp932)"],
                 keeps=JAPANESE.strip()))
    put("cp1252.txt", (story("kilowin") + WESTERN * 4).encode("cp1252"),
        Specimen("cp1252.txt", "cp1252", "kilowin", warnings=["encoding guessed as cp1252"],
                 keeps="\u201cquoted\u201d: the M\u00fcnchen"))
    put("cr_only.txt", story("limacr").replace("\n", "\r").encode(),
        Specimen("cr_only.txt", "CR-only line ends", "limacr"))
    put("mixed_endings.txt", story("mikemixed").replace("\n\n", "\r\n\r").encode() + b"tail\r\nmore\n",
        Specimen("mixed_endings.txt", "mixed CR/LF/CRLF", "mikemixed"))
    put("hostile.html", HOSTILE_HTML.encode(), Specimen("hostile.html", "HTML: scripts, styles, comments, broken tags",
                                                         "novemberhtml"))
    put("deep.html", (b"<html><body>" + b"<div>" * 100_000 + story("oscardeep").encode()
                      + b"</div>" * 100_000 + b"</body></html>"),
        Specimen("deep.html", "HTML: 100,000 nested divs", "oscardeep",
                 # cut below lxml's depth limit, so trafilatura reads the whole page
                 warnings=["nested more than"]))
    put("unclosed.html", (b"<html><body>" + b"<div><b><i><span>" * 50_000 + story("papaopen").encode()),
        Specimen("unclosed.html", "HTML: 200,000 unclosed tags", "papaopen",
                 # its long lines are markup: broken without a warning
                 warnings=["nested more than"]))
    # Links: a folder link back to the zoo (a loop), a file link loop, a dangling link.
    os.symlink(".", folder / "loop")
    specimens.append(Specimen("loop", "symlink loop (folder)", warnings=["link loop"], in_corpus=True))
    os.symlink("ring_b.txt", folder / "ring_a.txt")
    os.symlink("ring_a.txt", folder / "ring_b.txt")
    specimens.append(Specimen("ring_a.txt", "symlink loop (file)", warnings=["broken link|link loop"],
                              in_corpus=True))
    specimens.append(Specimen("ring_b.txt", "symlink loop (file)", warnings=["broken link|link loop"],
                              in_corpus=True))
    os.symlink("nowhere.txt", folder / "dangling.txt")
    specimens.append(Specimen("dangling.txt", "dangling symlink", warnings=["broken link"], in_corpus=True))
    os.mkfifo(folder / "pipe.txt")
    specimens.append(Specimen("pipe.txt", "FIFO", warnings=["not a regular file"], in_corpus=True))
    # A file name that is not valid UTF-8 (bytes path through os.open).
    raw = os.fsencode(folder) + b"/caf\xe9-\xff.txt"
    fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, story("quebecname").encode())
    os.close(fd)
    specimens.append(Specimen("caf\\xe9-\\xff.txt", "file name not valid UTF-8", "quebecname"))
    return specimens


HOSTILE_HTML = """<!DOCTYPE html><html><head><title>novemberhtml page</title>
<style>body { color: red } .secret-style-rule { display: none }</style>
<script>document.write("scriptpayload"); alert('scriptpayload')</script>
<script type="text/template"><p>templatepayload</p></script>
</head><body>
<!-- commentpayload <p>hidden in a comment</p> -->
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>novemberhtml headline</h1>
<p>The University of Hong Kong signed a memorandum of understanding with Zhejiang University
on 11 March 2025. The novemberhtml programme starts <b>next <i>year</b> with</i> forty students.
<p>Unclosed paragraph <span>with <em>unclosed inline tags
<div><p>A broken <a href="x>link</a> and </div></div></span> stray end tags.</p>
<noscript>noscriptpayload</noscript>
<iframe src="x">iframepayload</iframe>
<svg><script>svgscriptpayload</script></svg>
</article><![CDATA[ cdatapayload ]]><? processing instruction ?>
</body><p>after body</html> <b unclosed
"""
HTML_PAYLOADS = ("scriptpayload", "templatepayload", "commentpayload", "secret-style-rule",
                 "noscriptpayload", "svgscriptpayload")
