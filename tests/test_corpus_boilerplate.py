"""Corpus-level boilerplate: lines a source repeats in many documents leave the stories."""

from __future__ import annotations

from pathlib import Path

from medtui.corpus.boilerplate import line_key, source_of
from medtui.pipeline import load_corpus

ADVERT = "Advertisement - scroll to continue reading"
DISCLAIMER = ("Example Wire is a distribution service; see the terms of use and disclaimers at "
              "the Example Wire website, updated 12 May 2024.")
ABOUT = "About Summit Medical Alliance: Summit Medical Alliance partners with Harbor Hospital on research."
STORIES = [
    ("Riverside University opens a clinic", "Riverside University opened a teaching clinic for the district."),
    ("Northgate Hospital hires nurses", "Northgate Hospital hired forty nurses for its new wing this spring."),
    ("Coastal University wins an award", "Coastal University won an award for its teaching of medicine."),
    ("Pinecrest College adds a course", "Pinecrest College added a course on public health for adults."),
    ("Lakeshore Institute moves", "Lakeshore Institute moved its laboratories to a larger campus."),
]


def _write(folder: Path, n: int = 5) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, body) in enumerate(STORIES[:n]):
        disclaimer = DISCLAIMER.replace("12 May", f"{i + 1} May")  # figures differ: same line
        (folder / f"{i}.md").write_text(
            f"# {title}\n\n{body}\n\n{ADVERT}\n\nThe work continues next year with more staff.\n\n"
            f"{ABOUT}\n\n{disclaimer}\n", encoding="utf-8")


def test_lines_repeated_across_a_folder_of_five_leave_the_stories(tmp_path: Path) -> None:
    _write(tmp_path / "wire")
    corpus = load_corpus([tmp_path / "wire"], cache=False, workers=1)
    assert len(corpus.stories) == 5
    for story in corpus.stories:
        assert ADVERT not in story.text and "Example Wire" not in story.text and "About Summit" not in story.text
        assert story.text.split("\n")[0] in {body for _, body in STORIES}
    # Institutions and events found only in boilerplate do not count.
    names = {i.name for i in corpus.institutions}
    assert "Harbor Hospital" not in names and "Summit Medical Alliance" not in names
    assert not [e for e in corpus.events if e.kind == "partnership"]
    assert "Riverside University" in names


def test_two_documents_repeating_a_line_is_no_boilerplate(tmp_path: Path) -> None:
    _write(tmp_path / "wire", n=2)
    corpus = load_corpus([tmp_path / "wire"], cache=False, workers=1)
    assert all(ADVERT in s.text for s in corpus.stories)


def test_sources_are_counted_apart_and_copies_count_once(tmp_path: Path) -> None:
    _write(tmp_path / "root" / "wire_a", n=2)
    _write(tmp_path / "root" / "wire_b", n=2)  # four documents, two per source
    corpus = load_corpus([tmp_path / "root"], cache=False, workers=1)
    assert all(ADVERT in s.text for s in corpus.stories)
    copies = tmp_path / "copies"
    copies.mkdir()
    for i in range(3):  # one release filed three times is a copy, not boilerplate
        (copies / f"{i}.md").write_text(f"# Same release\n\n{STORIES[0][1]}\n\n{STORIES[1][1]}\n", encoding="utf-8")
    corpus = load_corpus([copies], cache=False, workers=1)
    assert all(STORIES[0][1] in s.text for s in corpus.stories)


def test_boilerplate_is_decided_again_when_a_document_changes_and_others_are_cached(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    _write(folder, n=3)
    corpus = load_corpus([folder])
    assert all(ADVERT not in s.text for s in corpus.stories)
    (folder / "2.md").write_text(f"# {STORIES[2][0]}\n\n{STORIES[2][1]}\n", encoding="utf-8")
    corpus = load_corpus([folder])  # the two unchanged documents come from the cache
    assert sum(ADVERT in s.text for s in corpus.stories) == 2  # now in two documents only


def test_line_key_and_source() -> None:
    assert line_key("Call  1-800-555-0100 today") == line_key("call 1-800-555-0199 Today")
    assert line_key("alpha beta") != line_key("alpha gamma")
    assert line_key("(1)") == line_key("-") == line_key("  ") == 0  # a table's figures are no boilerplate
    root = Path("/data/archive")
    assert source_of(root / "wire" / "2024" / "x.md", [root]) == str(root / "wire")
    assert source_of(root / "x.md", [root]) == str(root)
    assert source_of(Path("/elsewhere/y.md"), [root]) == "/elsewhere"
