"""Front matter (YAML ``---`` and TOML ``+++``): title, date, author, URL, none of it in the text."""

from __future__ import annotations

from pathlib import Path

from medtui.corpus.frontmatter import split_front_matter
from medtui.pipeline import load_corpus

YAML_POST = """---
layout: post
title: "Riverside University and Northgate Hospital Sign a Research Agreement"
date: 2024-05-07
lastmod: '2024-09-30'
author:
  - Ada Example
  - Ben Sample
tags: [research, partnerships]
canonical: https://news.example.org/riverside-northgate
---

{{< figure src="images/signing.jpg" alt="The signing" >}}

Riverside University and Northgate Hospital signed a research agreement on Tuesday.
"""

TOML_POST = """+++
title = "Coastal University Launches a Nursing Programme"
date = 2023-11-02T09:00:00-05:00
authors = ["Cara Writer"]
[params]
source_url = "https://coastal.example.edu/news/nursing"
+++

# Coastal University Launches a Nursing Programme

Coastal University launched a nursing programme with Harbor Hospital.
"""


def test_yaml_front_matter_states_title_date_author_url() -> None:
    front, rest = split_front_matter(YAML_POST)
    assert front is not None
    assert front.title == "Riverside University and Northgate Hospital Sign a Research Agreement"
    assert front.date == "2024-05-07"  # the publication date, not "lastmod"
    assert front.author == "Ada Example, Ben Sample"
    assert front.url == "https://news.example.org/riverside-northgate"
    assert rest.startswith("{{< figure")


def test_toml_front_matter() -> None:
    front, rest = split_front_matter(TOML_POST)
    assert front is not None
    assert (front.title, front.date, front.author) == (
        "Coastal University Launches a Nursing Programme", "2023-11-02", "Cara Writer")
    assert front.url == "https://coastal.example.edu/news/nursing"
    assert rest.startswith("# Coastal")


def test_a_rule_at_the_top_of_a_markdown_file_is_not_front_matter() -> None:
    text = "---\n\nRiverside University opened a clinic.\n\n---\n\nMore text.\n"
    assert split_front_matter(text) == (None, text)
    unclosed = "---\ntitle: x\n\nRiverside University opened a clinic.\n"
    assert split_front_matter(unclosed) == (None, unclosed)


def test_front_matter_yaml_cannot_parse_is_read_as_key_lines() -> None:
    text = "---\ntitle: Pinecrest Hospital: a new wing\ndate: 2022-03-04\n\tbad: indent\n---\nBody.\n"
    front, rest = split_front_matter(text)
    assert front is not None and front.title == "Pinecrest Hospital: a new wing"
    assert front.date == "2022-03-04" and rest == "Body.\n"


def test_front_matter_a_relative_url_is_no_source_url() -> None:
    front, _ = split_front_matter('---\ntitle: T\nurl: "/blog/post.html"\n---\nBody.\n')
    assert front is not None and front.url is None


def test_loading_a_post_with_front_matter(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(YAML_POST, encoding="utf-8")
    (tmp_path / "toml.md").write_text(TOML_POST, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "---\ntitle: Greenfield University Joins a Consortium\ndate: 2021-06-15\n---\n"
        "<html><body><p>Greenfield University joined a research consortium with Oakridge Hospital "
        "and three other institutions this week.</p></body></html>\n", encoding="utf-8")
    corpus = load_corpus([tmp_path], cache=False, workers=1)
    by_doc = {Path(s.document).name: s for s in corpus.stories}
    post = by_doc["post.md"]
    assert post.title == "Riverside University and Northgate Hospital Sign a Research Agreement"
    assert post.date is not None and post.date.iso() == "2024-05-07"
    assert post.text == "Riverside University and Northgate Hospital signed a research agreement on Tuesday."
    toml = by_doc["toml.md"]
    assert toml.title == "Coastal University Launches a Nursing Programme"  # the heading is not text too
    assert toml.date is not None and toml.date.iso() == "2023-11-02"
    assert toml.text.startswith("Coastal University launched")
    page = by_doc["page.html"]
    assert page.title == "Greenfield University Joins a Consortium"
    assert page.date is not None and page.date.iso() == "2021-06-15"
    assert "title:" not in page.text
    docs = {Path(d.path).name: d for d in corpus.documents}
    assert docs["post.md"].author == "Ada Example, Ben Sample"
    assert docs["post.md"].url == "https://news.example.org/riverside-northgate"
    assert docs["toml.md"].url == "https://coastal.example.edu/news/nursing"
