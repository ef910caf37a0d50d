"""Bulletins, digests and roundups give one story per item, each with its own title and date."""

from __future__ import annotations

from medtui.corpus.clean import clean_lines
from medtui.corpus.stories import RawStory, split_stories

ITEMS = [
    ("CLINIC OPENS IN RIVERSIDE", "Riverside University opened a teaching clinic on Thursday for the families of "
     "the district, the university said."),
    ("HOSPITAL HIRES NURSES: WHAT IT MEANS", "Northgate Hospital hired forty nurses for its new wing this "
     "spring, easing a shortage that lasted two years."),
    ("COUNCIL APPROVES BUDGET", "The county council approved a budget that funds Pinecrest College and two "
     "libraries for another year."),
]


def stories(raw: str, **kw: str) -> list[RawStory]:
    doc = clean_lines(raw)
    for key, value in kw.items():
        setattr(doc, key, value)
    return split_stories(doc)


def test_run_in_capital_headlines_split_a_digest() -> None:
    raw = "# State roundup: clinic, nurses, budget\n\n" + "\n\n".join(
        f"{head}: {text}" + ("\n\n* A follow-up said more staff would come in the autumn." if n == 0 else "")
        for n, (head, text) in enumerate(ITEMS))
    out = stories(raw)
    assert [s.title for s in out] == [h for h, _ in ITEMS]
    assert out[0].text.startswith("Riverside University opened") and "follow-up" in out[0].text
    assert out[1].text.startswith("Northgate Hospital hired")


def test_capital_form_fields_are_no_run_in_headlines() -> None:
    raw = ("# Open day\n\nWHAT: An open day at Riverside University.\n\nWHEN: Friday 3 May.\n\n"
           "MEDIA CONTACT: Jane Doe, press office, Riverside University, phone and e-mail below.\n\n"
           "Riverside University opens its doors to families and schools for a day of talks.")
    assert len(stories(raw)) == 1


def test_a_newsletters_sections_are_its_items_dated_by_the_newsletter() -> None:
    raw = "\n\n".join(f"## {head.title()}\n{text}" for head, text in ITEMS)
    out = stories(raw, stated_title="Community Newsletter: May 2024", published="2024-05-01")
    assert [s.title for s in out] == [h.title() for h, _ in ITEMS]
    assert all(s.date is not None and s.date.iso() == "2024-05-01" for s in out)


def test_an_article_with_sections_stays_one_story() -> None:
    raw = "\n\n".join(f"## {head.title()}\n{text}" for head, text in ITEMS)
    assert len(stories(raw, stated_title="How Riverside University grew", published="2024-05-01")) == 1


def test_a_roundups_headline_lines_with_dates_below_each_entry() -> None:
    lines = ["# Weekly Press Release Roundup (May 5-9, 2025)", "",
             "A recap of this week's releases from the companies we cover, with links to each release.", ""]
    for n, (head, text) in enumerate(ITEMS):
        lines += [head.title(), "", text, "", f"\u2014 Example Wire (@examplewire) May {5 + n}, 2025", ""]
    out = stories("\n".join(lines))
    assert [s.title for s in out] == [h.title() for h, _ in ITEMS]
    assert [s.date.iso() if s.date else None for s in out] == ["2025-05-05", "2025-05-06", "2025-05-07"]


FLS = ("Forward-Looking Statements\n\nThis release contains forward-looking statements about the plans of "
       "the company, which involve risks and uncertainties that may cause results to differ.")
TAIL = "###\n\nMedia contact: Jordan Vale, press office, phone 555 0100, press@example.org"


def test_an_end_line_closes_its_item_not_the_bulletin() -> None:
    # Items of a digest each ending in the release's own tail ("###", forward-looking
    # statements): each tail goes, the items after it stay.
    tails = [TAIL, FLS, TAIL]
    raw = "\n\n".join(f"## {head.title()}\n\n{text} The partners said more would follow next year.\n\n{tail}"
                      for (head, text), tail in zip(ITEMS, tails, strict=True))
    out = stories(raw, stated_title="Community Newsletter: May 2024", published="2024-05-01")
    assert [s.title for s in out] == [h.title() for h, _ in ITEMS]
    text = "\n".join(s.text for s in out)
    assert "forward-looking" not in text and "Jordan Vale" not in text and "###" not in text


def test_an_about_or_contact_heading_after_the_end_line_starts_no_item() -> None:
    raw = (f"# {ITEMS[0][0].title()}\n\n{ITEMS[0][1]} It will open in the spring with ten rooms.\n\n###\n\n"
           "# About Riverside University\n\nRiverside University is a public university with 9,000 students.\n\n"
           "# Media Contacts\n\nJordan Vale, press office")
    doc = clean_lines(raw)
    assert not any("public university" in line or "Jordan Vale" in line for line in doc.lines)


def test_listing_items_marked_apart_survive_an_end_line_in_one_item() -> None:
    from medtui.corpus.clean import ARTICLE_BREAK

    raw = f"\n{ARTICLE_BREAK}\n".join(
        f"{head.title()}\n\n{text} More details will follow in the coming weeks.\n\nTags: health, campus"
        for head, text in ITEMS)
    doc = clean_lines(ARTICLE_BREAK + "\n" + raw)
    assert all(any(text in line for line in doc.lines) for _, text in ITEMS)
    assert not any(line.startswith("Tags:") for line in doc.lines)
