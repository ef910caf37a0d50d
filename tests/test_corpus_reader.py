"""Reading files into text: encodings (with a warning whenever one was guessed), binary and empty files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from medtui.corpus.decode import decode
from medtui.corpus.normalise import normalise_text
from medtui.corpus.reader import discover_files, read_document_text
from medtui.errors import InputError

CHINESE_TRAD = "香港科技大學與浙江大學簽署合作備忘錄。雙方將在醫學教育方面合作，並推動研究發展。" * 3
CHINESE_SIMP = "香港科技大学与浙江大学签署合作备忘录。双方将在医学教育方面合作，并推动研究发展。" * 3
WESTERN = (
    "Caf\u00e9 na\u00efve \u2013 \u201cquoted\u201d text about the M\u00fcnchen university "
    "and its r\u00e9sum\u00e9 of partnerships. "
) * 3


def test_utf8_plain_no_warning() -> None:
    text, encoding, warnings = decode("Université de Montréal signs an MoU.".encode())
    assert text == "Université de Montréal signs an MoU."
    assert encoding == "utf-8"
    assert warnings == []


def test_utf8_bom_is_stripped() -> None:
    text, encoding, warnings = decode(b"\xef\xbb\xbfHello HKUST")
    assert text == "Hello HKUST"
    assert encoding == "utf-8-sig"
    assert warnings == []


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + "PolyU and PKU sign an MoU".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "PolyU and PKU sign an MoU".encode("utf-16-be"),
    ],
)
def test_utf16_with_bom(data: bytes) -> None:
    text, encoding, warnings = decode(data)
    assert text == "PolyU and PKU sign an MoU"
    assert encoding == "utf-16"
    assert warnings == []


def test_utf16_without_bom_is_read_with_a_warning() -> None:
    text, encoding, warnings = decode("PolyU and PKU sign an MoU in Beijing.".encode("utf-16-le"))
    assert text == "PolyU and PKU sign an MoU in Beijing."
    assert encoding == "utf-16-le"
    assert len(warnings) == 1 and "utf-16-le" in warnings[0]


@pytest.mark.parametrize(
    ("sample", "codec", "expected"),
    [
        (WESTERN, "cp1252", "cp1252"),
        (CHINESE_TRAD, "big5", "big5"),
        (CHINESE_SIMP, "gb18030", "gb18030"),
        (CHINESE_SIMP, "gb2312", "gb18030"),  # gb18030 is a superset: same text
    ],
)
def test_legacy_encodings_are_guessed_and_say_so(sample: str, codec: str, expected: str) -> None:
    text, encoding, warnings = decode(sample.encode(codec))
    assert text == sample
    assert encoding == expected
    assert warnings == [f"encoding guessed as {expected}"]


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04" + b"\x00" * 40, "zip"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 40, "ELF"),
        (b"abc\x00def" * 20, "NUL"),
    ],
)
def test_binary_data_is_refused_with_a_warning(data: bytes, what: str) -> None:
    text, encoding, warnings = decode(data)
    assert text is None and encoding is None
    assert len(warnings) == 1 and "binary" in warnings[0] and what in warnings[0]


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"])
def test_empty_data_is_refused_with_a_warning(data: bytes) -> None:
    text, _, warnings = decode(data)
    assert text is None
    assert warnings == ["empty file, skipped"]


def test_normalise_text_line_ends_controls_and_nfc() -> None:
    text, warnings = normalise_text("a\r\nb\rc\x1b[31md\x07e\u00a0f Cafe\u0301")
    assert text == "a\nb\nc[31mde f Café"
    assert warnings == []


def test_read_document_text_files(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    decoded = read_document_text(page)
    assert decoded.is_html and decoded.text is not None and decoded.warnings == []

    big5 = tmp_path / "big5.txt"
    big5.write_bytes(CHINESE_TRAD.encode("big5"))
    decoded = read_document_text(big5)
    assert decoded.text == CHINESE_TRAD
    assert decoded.encoding == "big5" and decoded.warnings == ["encoding guessed as big5"]
    assert not decoded.is_html

    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    decoded = read_document_text(empty)
    assert decoded.text is None and decoded.warnings == ["empty file, skipped"]

    image = tmp_path / "image.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    decoded = read_document_text(image)
    assert decoded.text is None and "binary" in decoded.warnings[0]

    gone = read_document_text(tmp_path / "gone.txt")
    assert gone.text is None and "vanished" in gone.warnings[0]


def test_discover_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>B</p>")
    (tmp_path / "sub" / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("hidden")
    odd = tmp_path / "notes.data"
    odd.write_text("named explicitly")
    files, warnings = discover_files([tmp_path])
    names = sorted(f.path.name for f in files)
    assert names == ["a.txt", "b.html"]
    assert warnings == []
    files, _ = discover_files([odd])
    assert [f.path.name for f in files] == ["notes.data"]
    with pytest.raises(InputError, match="No such file"):
        discover_files([tmp_path / "missing"])


def test_html_meta_charset_is_used_before_guessing() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head>'
            "<body><p>香港中文大學與醫院簽署合作備忘錄</p></body></html>")
    text, encoding, warnings = decode(page.encode("big5"))
    assert text == page and encoding == "big5hkscs" and warnings == []
    latin = b'<meta charset="iso-8859-1"><p>caf\xe9 \x93quoted\x94</p>'
    assert decode(latin) == ('<meta charset="iso-8859-1"><p>caf\u00e9 \u201cquoted\u201d</p>', "cp1252", [])


def test_wrong_meta_charset_falls_back_to_a_guess() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>' + CHINESE_TRAD + "</p></body></html>"
    text, encoding, warnings = decode(page.encode("big5"))
    assert text == page
    assert warnings == [f"encoding guessed as {encoding}"]
