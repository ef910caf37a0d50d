"""Copies of one story: LSH candidates against the exhaustive comparison, templated releases."""

from __future__ import annotations

import random

from medtui.corpus.copies import copy_groups, shingles, similarity
from medtui.corpus.model import PartialDate, Story

VOCABULARY = [f"{a}{b}" for a in ("ri", "no", "ha", "ve", "lo", "mu", "ta", "si", "do", "ke")
              for b in ("ver", "gate", "lan", "mot", "spar", "quin", "bel", "dor", "cas", "fen",
                        "rim", "tol", "wex", "yar", "zun")]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(n))


def release(rng: random.Random) -> tuple[str, str]:
    """An invented release: a title and a body of about 200 words."""
    return words(rng, 8).capitalize(), ". ".join(words(rng, 20) for _ in range(10)) + "."


def wire(body: str, name: str) -> str:
    """The same body as one wire carries it: its own dateline and contact line."""
    return f"RIVERSIDE ({name}) -- {body} Media contact: desk of {name}, press office."


def story(sid: str, title: str, text: str, date: PartialDate | None) -> Story:
    return Story(sid, f"{sid}.md", title, text, date)


def mixed_corpus() -> list[Story]:
    """Releases, some carried by two or three wires, and a family of templated releases."""
    rng = random.Random(13)
    stories: list[Story] = []
    for n in range(30):
        title, body = release(rng)
        day = PartialDate(2024, 3, 1 + n % 28)
        stories.append(story(f"r{n}", title, wire(body, "Wire One"), day))
        if n % 3 == 0:
            stories.append(story(f"r{n}b", title, wire(body, "Wire Two"), day))
        if n % 9 == 0:
            stories.append(story(f"r{n}c", title.upper(), wire(body, "Third Wire"),
                                 PartialDate(2024, 3, 2 + n % 28)))
    _, template = release(rng)
    for n in range(6):  # one template, six funds' notices: alike text, different releases
        stories.append(story(f"t{n}", f"Notice to investors of Fund {n} about its deadline",
                             f"Fund {n} holders: {template} Deadline for Fund {n}.",
                             PartialDate(2024, 4 + n, 10)))
    return stories


def test_lsh_finds_the_groups_the_exhaustive_comparison_finds() -> None:
    stories = mixed_corpus()
    found = copy_groups(stories)
    assert found == copy_groups(stories, exhaustive=True)
    assert found["r0"] == ["r0b", "r0c"] and found["r3"] == ["r3b"]
    assert len(found) == 10  # r0, r3, ..., r27: every release on two or three wires
    assert not any(sid.startswith("t") for group in found.items() for sid in [group[0], *group[1]])


def test_different_releases_from_one_template_are_not_grouped() -> None:
    rng = random.Random(7)
    _, template = release(rng)
    companies = ["Riverside Corp", "Northgate Holdings", "Hillcrest Foods", "Lakeview Energy"]
    notices = [  # one law firm's notices the same week: one text, a company in title and body
        story(f"k{n}", f"Deadline reminder: investors in {name} may join the class action",
              f"{name} investors: {template} The deadline for {name} is 21 May 2024.",
              PartialDate(2024, 4, 1 + n))
        for n, name in enumerate(companies)
    ]
    monthly = [  # one fund's monthly report: the same title and text, a new month
        story(f"m{n}", "Northgate Income Fund reports its distribution",
              f"{template} The distribution for month {n} was paid.", PartialDate(2024, 1 + n, 5))
        for n in range(4)
    ]
    assert similarity(shingles(notices[0].text), shingles(notices[1].text)) > 0.9
    assert similarity(shingles(monthly[0].text), shingles(monthly[1].text)) > 0.9
    assert copy_groups(notices) == {}
    assert copy_groups(monthly) == {}
    reports = [  # one index's monthly reports, undated: only the month tells them apart
        story(f"p{n}", f"Northgate Research releases {month} report on its index",
              f"{template} Figures for {month}.", None)
        for n, month in enumerate(["April", "May"])
    ]
    assert similarity(shingles(reports[0].text), shingles(reports[1].text)) > 0.95
    assert copy_groups(reports) == {}


def test_a_weekly_series_is_not_chained_into_one_group() -> None:
    rng = random.Random(8)
    title, body = release(rng)
    series = [story(f"w{n}", title, body, PartialDate(2024, 5, 1 + 5 * n)) for n in range(4)]
    groups = copy_groups(series)
    assert groups == {"w0": ["w1"], "w2": ["w3"]}  # each copy within a week of its group's first


def test_undated_stories_need_near_identical_text() -> None:
    rng = random.Random(9)
    title, body = release(rng)
    edited = body.replace(".", ". Added one sentence.", 1)
    a, b = story("u1", title, body, None), story("u2", title, edited, None)
    assert 0.9 <= similarity(shingles(a.text), shingles(b.text)) < 0.95
    assert copy_groups([a, b]) == {}
    assert copy_groups([a, story("u3", title, body, None)]) == {"u1": ["u3"]}
    dated = [story("d1", title, body, PartialDate(2024, 6, 1)), story("d2", title, edited, PartialDate(2024, 6, 2))]
    assert copy_groups(dated) == {"d1": ["d2"]}


def test_short_stories_and_unalike_titles_are_never_copies() -> None:
    rng = random.Random(10)
    title, body = release(rng)
    day = PartialDate(2024, 6, 1)
    assert copy_groups([story("a", title, "Too short to tell.", day),
                        story("b", title, "Too short to tell.", day)]) == {}
    assert copy_groups([story("a", title, body, day), story("b", "Another headline entirely", body, day)]) == {}
