"""Hostile input: a folder full of bad files still loads, one warning per bad file, no hang.

The zoo (tests/helpers/zoo.py) holds empty, binary, mis-encoded, huge-lined, deeply
nested and link-looped files, a FIFO and a file name that is not UTF-8. Every readable
file must give a story holding its marker word; every bad one exactly one warning that
says why. Loading runs under a time limit, so a hang fails the test instead of CI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers.hang import within
from helpers.zoo import HTML_PAYLOADS, Specimen, build_zoo, story
from medtui.corpus import reader
from medtui.corpus.model import Corpus
from medtui.corpus.normalise import MAX_LINE_CHARS
from medtui.corpus.reader import MAX_FILE_BYTES, read_document_text
from medtui.pipeline import load_corpus

MEDTUI = [sys.executable, "-m", "medtui"]


def cli_env(tmp: Path) -> dict[str, str]:
    """Environment for a medtui subprocess: private dirs, strict UTF-8 output."""
    env = dict(os.environ)
    env.update(MEDTUI_CACHE_DIR=str(tmp / "cache"), MEDTUI_CONFIG_DIR=str(tmp / "config"),
               MEDTUI_DATA_DIR=str(tmp / "data"), PYTHONIOENCODING="utf-8:strict",
               NO_COLOR="1")
    env.pop("MEDTUI_DEBUG", None)
    return env


def run_cli(args: list[str], tmp: Path, timeout: float = 180,
            prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``medtui ARGS`` with a time limit; a hang is a test failure."""
    try:
        return subprocess.run([*(prefix or []), *MEDTUI, *args], capture_output=True, text=True,
                              env=cli_env(tmp), timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"medtui {' '.join(args[:1])} still running after {timeout} s (a hang)")


def warnings_about(corpus: Corpus, name: str) -> list[str]:
    """Every warning about the file called ``name``: its document's and folder-level ones."""
    found = [w for d in corpus.documents if Path(d.path).name == name for w in d.warnings]
    found += [w for w in corpus.warnings if re.search(rf"[/\\]{re.escape(name)}:", w)]
    return found


def texts_of(corpus: Corpus, name: str) -> str:
    """All titles and texts of the stories from the file called ``name``."""
    return "\n".join(f"{s.title}\n{s.text}" for s in corpus.stories
                     if Path(s.document).name == name)


@pytest.fixture(scope="module")
def zoo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Specimen], Corpus]:
    folder = tmp_path_factory.mktemp("hostile") / "zoo"
    specimens = build_zoo(folder)
    corpus = within(180, lambda: load_corpus([folder], cache=False, workers=1))
    return folder, specimens, corpus


def check_specimen(spec: Specimen, corpus: Corpus) -> list[str]:
    """What is wrong with how medtui treated ``spec`` (empty: all is well)."""
    problems: list[str] = []
    found = warnings_about(corpus, spec.name)
    for pattern in spec.warnings:
        hits = [w for w in found if re.search(pattern, w)]
        if len(hits) != 1:
            problems.append(f"{spec.name}: {len(hits)} warnings match {pattern!r}: {found}")
    extra = [w for w in found if not any(re.search(p, w) for p in spec.warnings)]
    if extra:
        problems.append(f"{spec.name}: unexpected warnings {extra}")
    documents = [d for d in corpus.documents if Path(d.path).name == spec.name]
    if spec.in_corpus and documents:
        problems.append(f"{spec.name}: is not a file to read but became a document")
    if not spec.in_corpus and len(documents) != 1:
        problems.append(f"{spec.name}: {len(documents)} documents (want exactly 1)")
    text = texts_of(corpus, spec.name)
    if spec.marker is not None and spec.marker not in text:
        problems.append(f"{spec.name}: marker {spec.marker!r} not in its stories: {text[:200]!r}")
    if spec.marker is None and text:
        problems.append(f"{spec.name}: gave stories though it should be skipped: {text[:100]!r}")
    if spec.keeps is not None and spec.keeps not in text:
        problems.append(f"{spec.name}: {spec.keeps!r} not read as written: {text[:300]!r}")
    return problems


def test_every_file_is_read_or_skipped_with_exactly_one_reason(zoo) -> None:
    _, specimens, corpus = zoo
    problems = [p for spec in specimens for p in check_specimen(spec, corpus)]
    assert not problems, "\n".join(problems)


def test_good_documents_among_bad_ones_are_fully_extracted(zoo) -> None:
    _, _, corpus = zoo
    for name in ("good_plain.txt", "good_markdown.md"):
        stories = [s for s in corpus.stories if Path(s.document).name == name]
        assert len(stories) == 1
        names = {corpus.institution(i).name for i in stories[0].institutions}  # type: ignore[union-attr]
        assert any("Hong Kong" in n for n in names) and any("Zhejiang" in n for n in names)
        events = [e for e in corpus.events if e.story == stories[0].id]
        assert [(e.kind, e.date.iso() if e.date else None, len(e.parties)) for e in events] == [
            ("mou", "2025-03-11", 2)]


def test_no_text_has_control_characters_or_carriage_returns(zoo) -> None:
    _, _, corpus = zoo
    bad = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    for s in corpus.stories:
        assert not bad.search(s.text) and not bad.search(s.title), s.document


def test_html_scripts_styles_and_comments_never_become_text(zoo) -> None:
    _, _, corpus = zoo
    text = texts_of(corpus, "hostile.html")
    assert "novemberhtml" in text
    for payload in HTML_PAYLOADS:
        assert payload not in text


def test_undecodable_file_name_is_shown_escaped(zoo) -> None:
    _, _, corpus = zoo
    paths = [d.path for d in corpus.documents if "quebecname" in texts_of(corpus, Path(d.path).name)]
    assert len(paths) == 1
    assert paths[0].endswith("caf\\xe9-\\xff.txt")
    paths[0].encode("utf-8")  # printable anywhere: no lone surrogates


def test_cli_commands_over_the_zoo_exit_0_without_traceback(zoo, tmp_path: Path) -> None:
    folder = str(zoo[0])
    export = run_cli(["export", folder], tmp_path)
    assert export.returncode == 0, export.stderr
    data = json.loads(export.stdout)
    by_name = {Path(d["path"]).name: d for d in data["documents"]}
    assert "empty file, skipped" in by_name["empty.txt"]["warnings"]
    assert any("charliebad" in s["text"] for s in data["stories"])
    again = run_cli(["export", folder], tmp_path)  # from the cache this time: same result
    assert again.returncode == 0 and json.loads(again.stdout) == data
    for args in (["search", "alphaplain", folder, "--json"], ["search", "alphaplain", folder],
                 ["timeline", folder], ["timeline", folder, "--format", "ics"],
                 ["institutions", folder]):
        result = run_cli(args, tmp_path)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr


# --- the limits: one 50 MB line, and many files -------------------------------------------


def test_50_mb_file_on_one_line_is_read_to_the_limit_with_two_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    head = story("bigfilehead").replace("\n", " ").encode()
    with open(folder / "huge.txt", "wb") as fh:
        fh.write(head)
        block = b"lorem ipsum dolor sit amet " * 40_000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    (folder / "small.txt").write_text(story("smallbeside"))
    decoded = within(60, lambda: read_document_text(folder / "huge.txt"))
    assert decoded.text is not None
    assert len(decoded.warnings) == 2
    assert decoded.warnings[0].startswith("larger than 16 MiB")
    assert decoded.warnings[1].startswith(f"lines longer than {MAX_LINE_CHARS:,}")
    lines = decoded.text.split("\n")
    assert max(map(len, lines)) <= MAX_LINE_CHARS
    # Broken lines, not cut ones: every byte read is still there (the line breaks
    # replace spaces), so nothing up to the limit is lost.
    assert len(decoded.text) == MAX_FILE_BYTES
    result = run_cli(["export", str(folder)], tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    warned = {Path(d["path"]).name: d["warnings"] for d in data["documents"]}
    assert len(warned["huge.txt"]) == 2 and warned["small.txt"] == []
    texts = " ".join(s["text"] + s["title"] for s in data["stories"])
    assert "bigfilehead" in texts and "smallbeside" in texts


def test_more_files_than_the_limit_are_cut_with_one_warning(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader, "MAX_FILES", 5)
    for i in range(9):
        (tmp_path / f"f{i}.txt").write_text(story(f"file{i}"))
    corpus = within(60, lambda: load_corpus([tmp_path], cache=False, workers=1))
    assert len(corpus.documents) == 5
    assert [w for w in corpus.warnings if "More than 5 files" in w] == [
        "More than 5 files: the rest were not read."]


@pytest.mark.slow
def test_100000_tiny_files(tmp_path: Path) -> None:
    root = tmp_path / "many"
    for d in range(100):
        sub = root / f"d{d:02d}"
        sub.mkdir(parents=True)
        for i in range(1000):
            n = d * 1000 + i
            (sub / f"n{n:06d}.txt").write_bytes(b"" if n % 10_000 == 7 else
                                                b"Item %d\n\nThe University of Hong Kong note %d.\n" % (n, n))
    corpus = within(900, lambda: load_corpus([root], cache=False))
    assert len(corpus.documents) == 100_000
    assert len(corpus.stories) == 100_000 - 10
    warned = [d.path for d in corpus.documents if d.warnings]
    assert len(warned) == 10 and all(p.endswith("7.txt") for p in warned)
    assert len({s.title for s in corpus.stories}) == 100_000 - 10


# --- files that go bad while they are read ------------------------------------------------


def test_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(story("besidefifo"))
    result = run_cli(["export", str(tmp_path / "pipe.txt"), str(tmp_path / "good.txt")], tmp_path,
                     timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    warned = {Path(d["path"]).name: d["warnings"] for d in data["documents"]}
    assert warned["pipe.txt"] == ["not a regular file (a FIFO, device or socket), skipped"]
    assert any("besidefifo" in s["text"] for s in data["stories"])


def _sabotage_after(first: str, action: Callable[[], None]) -> Callable[[int, int, str], None]:
    """A progress callback that runs ``action`` once the document ``first`` is done."""
    def progress(done: int, total: int, path: str) -> None:
        if Path(path).name == first:
            action()
    return progress


def test_file_deleted_while_the_folder_is_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(story(name[0] + "marker"))
    progress = _sabotage_after("a.txt", lambda: (tmp_path / "b.txt").unlink())
    corpus = within(60, lambda: load_corpus([tmp_path], progress=progress, cache=False, workers=1))
    assert warnings_about(corpus, "b.txt") == ["the file vanished before it could be read"]
    assert "cmarker" in texts_of(corpus, "c.txt") and "amarker" in texts_of(corpus, "a.txt")


def test_file_replaced_by_a_fifo_while_the_folder_is_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(story(name[0] + "marker"))

    def swap() -> None:
        (tmp_path / "b.txt").unlink()
        os.mkfifo(tmp_path / "b.txt")

    progress = _sabotage_after("a.txt", swap)
    corpus = within(60, lambda: load_corpus([tmp_path], progress=progress, cache=False, workers=1))
    assert warnings_about(corpus, "b.txt") == ["not a regular file (a FIFO, device or socket), skipped"]
    assert "cmarker" in texts_of(corpus, "c.txt")


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch) -> None:
    """As root, chmod 000 does not stop reads: the refusal is simulated at os.open."""
    for name in ("a.txt", "locked.txt", "z.txt"):
        (tmp_path / name).write_text(story(name[0] + "marker"))
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fsdecode(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    corpus = within(60, lambda: load_corpus([tmp_path], cache=False, workers=1))
    assert warnings_about(corpus, "locked.txt") == ["permission denied: the file cannot be read"]
    assert "zmarker" in texts_of(corpus, "z.txt")


def test_unlistable_folder_simulated(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text(story("insidemarker"))
    (tmp_path / "open.txt").write_text(story("openmarker"))
    real_scandir = os.scandir

    def fake_scandir(path: Any) -> Any:
        if os.fsdecode(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    corpus = within(60, lambda: load_corpus([tmp_path], cache=False, workers=1))
    assert [w for w in corpus.warnings if "closed" in w] == [
        f"{tmp_path / 'closed'}: cannot list folder (Permission denied)."]
    assert "openmarker" in texts_of(corpus, "open.txt")


def _without_root_powers() -> list[str] | None:
    """A command prefix under which permissions apply: none needed when not root; as root,
    setpriv dropping the capabilities that bypass file permissions; None if impossible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def test_unreadable_file_and_folder_for_real(tmp_path: Path) -> None:
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root without setpriv: file permissions cannot be enforced")
    docs = tmp_path / "docs"
    (docs / "closed").mkdir(parents=True)
    (docs / "closed" / "inside.txt").write_text(story("insidemarker"))
    (docs / "locked.txt").write_text(story("lockedmarker"))
    (docs / "open.txt").write_text(story("openmarker"))
    (docs / "locked.txt").chmod(0)
    (docs / "closed").chmod(0)
    try:
        result = run_cli(["export", str(docs)], tmp_path, timeout=120, prefix=prefix)
    finally:
        (docs / "closed").chmod(0o755)
        (docs / "locked.txt").chmod(0o644)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    warned = {Path(d["path"]).name: d["warnings"] for d in data["documents"]}
    assert warned["locked.txt"] == ["permission denied: the file cannot be read"]
    texts = " ".join(s["text"] for s in data["stories"])
    assert "openmarker" in texts and "lockedmarker" not in texts and "insidemarker" not in texts
    # The unlistable folder's warning is corpus-level (not in the export's documents):
    # what matters here is that it did not stop the rest.


# Lines that made a regex or a loop quadratic (or worse) before it was fixed: each one
# took minutes to hours at 200,000 characters; all of them together now take seconds.
PATHOLOGICAL = {
    "markdown links": "[a](" * 50_000, "brackets": "[" * 200_000, "images": "![" * 100_000,
    "html tags": "<br" * 66_000, "at signs": "x" * 199_999 + "@", "abbreviations": "A. " * 66_000,
    "capitalised run": "A " * 100_000, "and-joined names": "A and " * 33_000,
    "parentheses": "(A" * 100_000, "whitespace": " \t" * 99_999 + "x",
}


def test_pathological_lines_do_not_hang(tmp_path: Path) -> None:
    text = "Pathological lines\n\n" + "\n\n".join(PATHOLOGICAL.values()) + "\n"
    (tmp_path / "lines.md").write_text(text)
    corpus = within(300, lambda: load_corpus([tmp_path], cache=False, workers=1))
    assert len(corpus.documents) == 1 and corpus.documents[0].warnings == []
    assert corpus.stories and corpus.stories[0].title == "Pathological lines"


def test_minified_html_page_is_read_without_a_long_line_warning(tmp_path: Path) -> None:
    # Minified pages (one line of markup far over the limit) are common on news sites; the
    # lines the reader sees are not cut, so a warning about them would only be noise.
    filler = "".join(f'<div class="nav-{i}"><a href="/s/{i}">Section {i}</a></div>' for i in range(6_000))
    article = ("<article><h1>Riverside University opens a clinic</h1><p>Riverside University and "
               "Northgate Hospital opened a joint clinic for older patients on the east campus.</p></article>")
    page = tmp_path / "minified.html"
    page.write_text(f"<html><body>{filler}{article}</body></html>")
    assert len(page.read_text()) > MAX_LINE_CHARS
    decoded = read_document_text(page)
    assert decoded.text is not None and decoded.warnings == []
    assert max(map(len, decoded.text.split("\n"))) <= MAX_LINE_CHARS
