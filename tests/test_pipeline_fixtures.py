"""The whole pipeline on documents written for these tests, in shapes no rule was tuned to.

tests/fixtures/docs/ holds another hospital's HTML page (menus, sidebar and footer without
the usual class names), a Markdown wire release, a plain-text newspaper page, a university's
HTML news listing, a Chinese press release, and an old story under a former name. Their
institutions are in no shipped gazetteer; user_gazetteer.yaml there is a user's own file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from medtui.corpus.model import Corpus, Event, Story
from medtui.pipeline import load_corpus

DOCS = Path(__file__).parent / "fixtures" / "docs"


def _load(tmp: Path, user_gazetteer: bool) -> Iterator[Corpus]:
    config = tmp / "config"
    config.mkdir()
    if user_gazetteer:
        shutil.copy(DOCS / "user_gazetteer.yaml", config / "gazetteer.yaml")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MEDTUI_CONFIG_DIR", str(config))
        mp.setenv("MEDTUI_DATA_DIR", str(tmp / "data"))
        mp.setenv("MEDTUI_CACHE_DIR", str(tmp / "cache"))
        yield load_corpus([DOCS], workers=1, cache=False)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The fixtures with the shipped gazetteer only."""
    yield from _load(tmp_path_factory.mktemp("plain"), user_gazetteer=False)


@pytest.fixture(scope="module")
def user(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """The fixtures with the user's gazetteer added."""
    yield from _load(tmp_path_factory.mktemp("user"), user_gazetteer=True)


def stories_of(corpus: Corpus, name: str) -> list[Story]:
    found = [s for s in corpus.stories if Path(s.document).name == name]
    assert found, f"no story from {name}"
    return found


def names(corpus: Corpus, ids: list[str]) -> list[str]:
    found = [corpus.institution(i) for i in ids]
    return [i.name for i in found if i is not None]


def document_of(corpus: Corpus, story_id: str) -> str:
    story = corpus.story(story_id)
    assert story is not None
    return Path(story.document).name


def events_of(corpus: Corpus, story: Story) -> list[Event]:
    return [e for e in corpus.events if e.story == story.id]


def summary(corpus: Corpus, story: Story) -> list[tuple[str, set[str], str | None]]:
    return [(e.kind, set(names(corpus, e.parties)), e.date.iso() if e.date else None)
            for e in events_of(corpus, story)]


def iso(story: Story) -> str | None:
    return story.date.iso() if story.date else None


def test_every_fixture_loads_without_warnings(plain: Corpus) -> None:
    docs = {Path(d.path).name: d for d in plain.documents}
    assert set(docs) == {p.name for p in DOCS.iterdir() if p.suffix in (".txt", ".md", ".html")}
    assert all(d.warnings == [] for d in docs.values())


def test_hospital_html_page(plain: Corpus) -> None:
    [story] = stories_of(plain, "riverside_hospital_news.html")
    doc = next(d for d in plain.documents if d.path.endswith("riverside_hospital_news.html"))
    assert doc.publisher == "Kowloon Riverside Hospital"
    assert doc.url == "https://www.krh.example.org/en/media/2025/krh-hku-clinical-training"
    assert story.title == "Kowloon Riverside Hospital and HKU sign clinical training agreement"
    assert iso(story) == "2025-03-04"
    assert story.text.startswith("Kowloon Riverside Hospital (KRH) and The University of Hong Kong (HKU) today")
    assert story.text.rstrip().endswith("from several universities since then.")
    assert "\u2022 appoint senior KRH consultants as honorary clinical teachers;" in story.text
    for furniture in ("Find a Doctor", "Media Centre", "Latest News", "KRH Charity Walk", "Hotline",
                      "88 Riverside Road", "Copyright", "Privacy Policy", "dataLayer", "\u7e41\u9ad4"):
        assert furniture not in story.text
    assert set(names(plain, story.institutions)) >= {"Kowloon Riverside Hospital", "The University of Hong Kong"}
    krh = next(i for i in plain.institutions if i.name == "Kowloon Riverside Hospital")
    assert krh.kind == "hospital" and "KRH" in krh.aliases and krh.source == "discovered"
    # The faculty whose students will train there is named after "under which": no party.
    assert summary(plain, story) == [
        ("agreement", {"Kowloon Riverside Hospital", "The University of Hong Kong"}, "2025-03-04"),
    ]


def test_markdown_wire_release(plain: Corpus) -> None:
    [story] = stories_of(plain, "northbridge_wire_release.md")
    doc = next(d for d in plain.documents if d.path.endswith("northbridge_wire_release.md"))
    assert doc.url == "https://www.example-wire.com/news/2025/04/02/nimb-hkust-coastal-health"
    assert story.title == ("Northbridge Institute of Marine Biology and HKUST Sign Memorandum on "
                           "Coastal Health Research")
    assert iso(story) == "2025-04-02"
    for furniture in ("Original Press Release", "Pickup", "Newsramp", "Blockchain", "Copyright", "logo", "]("):
        assert furniture not in story.text
    assert "\u2022 toxins from harmful algal blooms in shellfish; and" in story.text
    nimb = next(i for i in plain.institutions if i.name == "Northbridge Institute of Marine Biology")
    assert nimb.kind == "research" and nimb.aliases == ["NIMB"]
    # The research vessel is only sought, "subject to approval": no second event.
    assert summary(plain, story) == [
        ("mou", {"Northbridge Institute of Marine Biology", "The Hong Kong University of Science and Technology"},
         "2025-04-02"),
    ]


def test_plain_text_newspaper_page(plain: Corpus) -> None:
    [story] = stories_of(plain, "harbourview_times_article.txt")
    assert story.title == "Lakeshore University medical school wins government approval"
    assert iso(story) == "2025-03-04"  # "Tuesday, 4 March 2025, 6:15pm"
    assert story.text.startswith("The Education Bureau has approved Lakeshore University's plan")
    for furniture in ("HARBOURVIEW", "Opinion", "Subscribe", "Health | Education", "By Martin Cheung",
                      "Related stories", "imports doctors", "\u00a9", "Advertise"):
        assert furniture not in story.text
    assert summary(plain, story) == [
        ("approval", {"Education Bureau", "Lakeshore University"}, "2025-03-04"),
        # "last year it signed a memorandum": an event, but no date can be given for it.
        ("mou", {"Lakeshore University", "Kowloon Riverside Hospital"}, "2024"),  # "last year"
    ]


def test_university_news_listing(plain: Corpus) -> None:
    found = stories_of(plain, "lakeshore_news_listing.html")
    assert [(s.title, iso(s)) for s in found] == [
        ("Lakeshore and Kowloon Riverside Hospital agree on clinical placements", "2025-03-18"),
        ("Government approves Lakeshore University School of Medicine", "2025-03-04"),
        ("Ocean data project receives HK$12 million grant", "2025-02-20"),
        ("Library extends opening hours during examinations", "2025-02-11"),
    ]
    assert all("Read more" not in s.text and "Newsroom" not in s.text for s in found)
    assert not any("Next" in s.text or "Lakeshore Drive" in s.text for s in found)
    assert summary(plain, found[0]) == [
        ("agreement", {"Lakeshore University", "Kowloon Riverside Hospital"}, "2025-03-17"),
    ]
    assert ("grant", {"Research Grants Council"}, "2025-02-20") in [
        (k, p & {"Research Grants Council"}, d) for k, p, d in summary(plain, found[2])
    ]
    assert summary(plain, found[3]) == []
    assert found[3].institutions == []


def test_chinese_release_dates_and_titles(plain: Corpus) -> None:
    [story] = stories_of(plain, "cuhk_chinese_release.txt")
    assert story.title == "香港中文大學與九龍河畔醫院簽署合作備忘錄"  # not the "新聞稿" label above it
    assert iso(story) == "2025-03-18"
    # Chinese names are found by their endings (大學, 醫院), the short name in brackets is an alias.
    assert set(names(plain, story.institutions)) >= {"香港中文大學", "九龍河畔醫院"}
    assert ("mou", {"香港中文大學", "九龍河畔醫院"}, "2025-03-18") in summary(plain, story)


def test_chinese_release_with_user_gazetteer(user: Corpus) -> None:
    [story] = stories_of(user, "cuhk_chinese_release.txt")
    # The gazetteer names win over the same names found by their endings; 中大醫學院 (the
    # university's medical school, named by its short name) is found by its ending.
    assert set(names(user, story.institutions)) == {"The Chinese University of Hong Kong",
                                                    "Kowloon Riverside Hospital", "中大醫學院"}
    assert summary(user, story) == [
        ("mou", {"The Chinese University of Hong Kong", "Kowloon Riverside Hospital"}, "2025-03-18"),
    ]


def test_former_name_from_user_gazetteer(user: Corpus, plain: Corpus) -> None:
    [old] = stories_of(user, "lakeshore_former_name.txt")
    [new] = stories_of(user, "lakeshore_news_listing.html")[:1]
    lakeshore = next(i for i in user.institutions if i.name == "Lakeshore University")
    assert lakeshore.id in old.institutions and lakeshore.id in new.institutions
    assert "Lakeshore College of Health Sciences" in lakeshore.aliases
    assert lakeshore.source == "gazetteer" and lakeshore.kind == "university"
    assert summary(user, old) == [
        ("agreement", {"Lakeshore University", "Kowloon Riverside Hospital"}, "2019-05-10"),
    ]
    # Without the user's entry, the old name is an institution of its own.
    [plain_old] = stories_of(plain, "lakeshore_former_name.txt")
    assert "Lakeshore College of Health Sciences" in names(plain, plain_old.institutions)


def test_one_institution_across_documents(plain: Corpus, user: Corpus) -> None:
    for corpus in (plain, user):
        krh = [i for i in corpus.institutions if i.name == "Kowloon Riverside Hospital"]
        assert len(krh) == 1
        docs = {document_of(corpus, s) for s in krh[0].stories}
        expected = {"riverside_hospital_news.html", "harbourview_times_article.txt",
                    "lakeshore_news_listing.html", "lakeshore_former_name.txt"}
        if corpus is user:
            expected.add("cuhk_chinese_release.txt")
        assert docs == expected


def test_user_gazetteer_problems_become_corpus_warnings(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "gazetteer.yaml").write_text("institutions:\n  - {id: x, name: X\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MEDTUI_CONFIG_DIR", str(config))
        corpus = load_corpus([DOCS / "lakeshore_former_name.txt"], workers=1, cache=False)
    assert any("gazetteer.yaml" in w and "line" in w for w in corpus.warnings)
    assert len(corpus.stories) == 1


def test_listing_of_html_articles(plain: Corpus) -> None:
    found = stories_of(plain, "northbridge_institute_news.html")
    assert [(s.title, iso(s)) for s in found] == [
        ("NIMB and Tolo Harbour Hospital join forces on shellfish poisoning", "2025-04-09"),
        ("New research vessel enters service", "2025-03-21"),
        ("Institute receives grant for coral survey", "2025-03-02"),
    ]
    assert not any(word in s.text for s in found for word in ("Category", "Older posts", "WordPress", "Skip"))
    assert summary(plain, found[0]) == [
        ("agreement", {"Northbridge Institute of Marine Biology", "Tolo Harbour Hospital"}, "2025-04-08"),
    ]
    assert summary(plain, found[1]) == []
    assert summary(plain, found[2]) == [
        ("grant", {"Northbridge Institute of Marine Biology", "Harbour Conservation Foundation"}, "2025-03-02"),
    ]
    # The institute of the wire release and of this page is one institution.
    nimb = [i for i in plain.institutions if i.name == "Northbridge Institute of Marine Biology"]
    assert len(nimb) == 1 and len({document_of(plain, s) for s in nimb[0].stories}) == 2


def test_government_release_dated_at_its_end(plain: Corpus) -> None:
    [story] = stories_of(plain, "government_press_release.html")
    assert story.title == "Government supports Lakeshore University's new medical school"
    assert iso(story) == "2025-03-04"  # "Ends/Tuesday, March 4, 2025" below the text
    assert story.text.startswith("The Government today (March 4) announced")
    for furniture in ("Ends/", "Issued at", "NNNN", "***", "Archive", "Today's Press Releases"):
        assert furniture not in story.text
    # The MoU is still to be signed ("will sign ..., subject to approval"): only the approval happened.
    assert summary(plain, story) == [("approval", {"Lakeshore University"}, "2025-03-04")]


def test_listing_of_linked_headlines_without_article_elements(plain: Corpus) -> None:
    found = stories_of(plain, "tolo_harbour_hospital_news.html")
    assert [(s.title, iso(s)) for s in found] == [
        ("Tolo Harbour Hospital and Lakeshore University sign teaching agreement", "2025-04-09"),
        ("New MRI suite opens in the east wing", "2025-03-21"),
        ("Hospital receives donation for children's ward", "2025-03-02"),
    ]
    assert summary(plain, found[0]) == [
        ("agreement", {"Tolo Harbour Hospital", "Lakeshore University"}, "2025-04-09"),
    ]
    assert summary(plain, found[1]) == []  # "The hospital opened ...": no institution named
