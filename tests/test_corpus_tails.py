"""Release tails and known wire boilerplate leave a single release's story (no folder needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtui.corpus import boilerplate
from medtui.corpus.boilerplate import KNOWN_FILE, known_boilerplate, line_key, normalise_line
from medtui.corpus.tails import cut_tail, tail_kind
from medtui.pipeline import load_corpus

LEAD = ("RIVERTON, May 5, 2025 - Riverside University and Northgate Hospital signed a memorandum of "
        "understanding to train nurses together in rural clinics across the valley, the two said on Monday.")
MORE = ("The agreement runs for five years and opens two teaching wards at the hospital, with forty "
        "places each year for students of the university's nursing school.")


def _load(tmp_path: Path, text: str, name: str = "release.md") -> tuple[str, set[str], list[str]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = load_corpus([tmp_path / name], cache=False, workers=1)
    assert len(corpus.stories) == 1
    return corpus.stories[0].text, {i.name for i in corpus.institutions}, [e.kind for e in corpus.events]


def test_a_contact_block_leaves_the_story(tmp_path: Path) -> None:
    text, names, _ = _load(tmp_path, (
        f"# Riverside University and Northgate Hospital sign MoU\n\n{LEAD}\n\n{MORE}\n\n"
        "Contact DetailsJane Marsh\n\n+1 555-010-0199\n\njane.marsh@example.org\n\nCompany Website\n\n"
        "https://www.example.org\n"))
    assert MORE in text and LEAD in text
    assert "Jane Marsh" not in text and "example.org" not in text and "Contact" not in text
    assert {"Riverside University", "Northgate Hospital"} <= names


def test_a_contact_block_followed_by_more_story_is_dropped_alone(tmp_path: Path) -> None:
    text, _, _ = _load(tmp_path, (
        f"# Northgate Hospital opens a ward\n\n{LEAD}\n\nContact the Firm Now:\n\nnews@example.org\n\n"
        f"{MORE}\n"))
    assert LEAD in text and MORE in text and "news@example.org" not in text


def test_a_forward_looking_statements_tail_leaves_the_story(tmp_path: Path) -> None:
    text, names, _ = _load(tmp_path, (
        f"# Riverside University signs MoU\n\n{LEAD}\n\n{MORE}\n\n"
        "Important Notice Regarding Forward-Looking Statements\n\n"
        "This release contains forward-looking statements about Lakeshore Capital Partners Inc., "
        "which involve risks and uncertainties; actual results may differ materially.\n"))
    assert text.endswith(MORE)
    assert "Lakeshore Capital Partners Inc" not in names  # found only in the dropped notice


def test_a_legal_paragraph_without_a_heading_opens_the_tail(tmp_path: Path) -> None:
    text, _, _ = _load(tmp_path, (
        f"# Riverside University signs MoU\n\n{LEAD}\n\n{MORE}\n\n"
        "This press release contains forward-looking statements within the meaning of the Securities "
        "Act; readers should not place undue reliance on them.\n"))
    assert text.endswith(MORE)


def test_wire_disclaimer_and_alert_lines_leave_the_story(tmp_path: Path) -> None:
    text, _, _ = _load(tmp_path, (
        f"# Riverside University signs MoU\n\n{LEAD}\n\n"
        "This article has been disseminated on behalf of Example Mining Corp. and may include paid advertising.\n\n"
        f"{MORE}\n\nTo receive SMS alerts from ExampleWire, text \"News\" to 555-010-0100 (U.S. Mobile Phones Only)\n\n"
        "Please see full terms of use and disclaimers on the ExampleWire website applicable to all content.\n"))
    assert LEAD in text and MORE in text
    assert "disseminated" not in text and "SMS" not in text and "terms of use" not in text


def test_about_blocks_leave_the_story_but_name_the_issuer(tmp_path: Path) -> None:
    text, names, kinds = _load(tmp_path, (
        "# Coastal University partners with Brightwave on sensors\n\n"
        "HARBORTON, June 2, 2025 - Coastal University announced a partnership with Brightwave to test "
        "marine sensors in the bay, Brightwave said on Monday, with trials starting this summer.\n\n"
        f"{MORE}\n\n"
        "About Brightwave\n\n"
        "Brightwave Inc. is a maker of marine sensors. It signed an agreement with Summit "
        "Port Authority in 2019.\n\n"
        "About Coastal University\n\nCoastal University teaches 9,000 students on the coast.\n"))
    assert "About Brightwave" not in text and "maker of marine sensors" not in text
    assert "Summit Port Authority" not in names  # named only in the About block
    assert "Coastal University" in names
    assert any(n.startswith("Brightwave") for n in names)  # the issuer, named in full only in its block
    assert "agreement" in kinds  # the partnership, which the next sentence calls "The agreement"


def test_article_text_that_mentions_contact_or_about_is_kept() -> None:
    story = "\n\n".join([
        LEAD,
        "Contact tracing apps are used by about 300 nurses at the hospital, the university said.",
        "About the Study",
        "The study enrolled 1,200 patients at Northgate Hospital over two years and followed them for six months.",
        "About 40 clinics will join next year, and contact with patients will move to video calls.",
        MORE,
    ])
    assert cut_tail(story) == (story, "")
    assert tail_kind("Contact Tracing Apps Spread Across the Region") is None
    assert tail_kind("About the Study") is None
    assert tail_kind("About 40 clinics will join next year.") is None


def test_an_about_heading_early_in_a_story_is_its_background_not_a_tail() -> None:
    story = "\n\n".join([LEAD, "About Lakeshore Coin", *[MORE] * 4])
    assert cut_tail(story) == (story, "")


def test_a_release_written_as_one_line_is_split_at_its_paragraph_gaps(tmp_path: Path) -> None:
    line = "   ".join([LEAD, MORE, "Hashtag: #Riverside #Nursing The issuer is solely responsible for the "
                        "content of this announcement.", "About Riverside University", "Riverside "
                        "University is a public university founded in 1901 with 20,000 students."])
    text, _, _ = _load(tmp_path, f"# Riverside University signs MoU\n\n{line}\n")
    assert text == f"{LEAD}\n\n{MORE}"


def test_known_boilerplate_lines_leave_a_single_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    known = tmp_path / "known.txt"
    known.write_text("# comment\nexamplewire is where breaking news and insight converge.\n", encoding="utf-8")
    monkeypatch.setattr(boilerplate, "KNOWN_FILE", known)
    known_boilerplate.cache_clear()
    try:
        text, _, _ = _load(tmp_path, (
            f"# Riverside University signs MoU\n\n{LEAD}\n\nExampleWire is where breaking news  and insight "
            f"converge.\n\n{MORE}\n"))
    finally:
        known_boilerplate.cache_clear()
    assert text == f"{LEAD}\n\n{MORE}"


def test_the_shipped_known_lines_are_normalised_sorted_and_small() -> None:
    data = KNOWN_FILE.read_text(encoding="utf-8").split("\n")
    lines = [ln for ln in data if ln and not ln.startswith("# ")]
    assert len(lines) > 500 and KNOWN_FILE.stat().st_size < 300_000
    assert lines == sorted(lines) and all(normalise_line(ln) == ln for ln in lines)
    assert line_key("For more information, please visit https://www.InvestorWire.com") in known_boilerplate()
