"""A standfirst held as bare text in a ``<div>`` between headline and body, which
trafilatura leaves out, is put back; captions, bylines, prompts and text outside the
article are not (issue 9, :mod:`medtui.corpus.html_lead`)."""

from __future__ import annotations

from pathlib import Path

from medtui.corpus.html import _trafilatura, read_html
from medtui.corpus.html_lead import lead_paragraphs
from medtui.corpus.html_meta import load_tree
from medtui.corpus.reader import InputFile
from medtui.pipeline import default_matcher, process_document

LEAD = ("Lakeshore University and Pinecrest Hospital announce a research partnership on rural "
        "telemedicine, bringing remote consultations to twelve clinics across the northern valley.")
PARA = [
    "ELMWOOD, NORTHLAND",
    "The two institutions will share staff, equipment and patient data under a five-year plan agreed "
    "by their boards last month, and will open a joint training centre for nurses in the spring.",
    "Clinics in the valley have waited for a specialist for up to nine weeks; the partners expect the "
    "remote consultations to cut that wait to under a fortnight within the first year of the plan.",
    "The university's medical school will evaluate the service and publish its findings each year, "
    "together with the hospital's own figures on admissions from the valley's towns and farms.",
    "Students in their final year will spend a month at one of the clinics as part of their degree, "
    "working alongside the hospital's doctors on the consultations the new service provides.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARA)
TITLE = "Lakeshore University and Pinecrest Hospital partner on rural telemedicine"


def press_page(before_body: str) -> str:
    """A press-release page: headline, date, then ``before_body`` and the body container."""
    return (f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<div class='container'><div class='press col'><div class='press__box'><h1>{TITLE}</h1>"
            "<div class='press__date'><div>March 3, 2025</div></div>"
            f"{before_body}<div class='press__body'><div class='text'><div>{BODY}</div></div></div>"
            "</div></div></div><footer><p>Copyright Pinecrest Hospital</p></footer></body></html>")


def test_trafilatura_alone_drops_a_standfirst_held_in_a_div() -> None:
    # The reason for the module: if this starts to hold, the recovery can go.
    html = press_page(f"<div class='press__quote'>{LEAD}</div>")
    text = _trafilatura(load_tree(html)) or ""
    assert PARA[1] in text
    assert "rural telemedicine, bringing" not in text


def test_standfirst_is_put_back_before_the_body_and_its_event_found(tmp_path: Path) -> None:
    path = tmp_path / "release.html"
    path.write_text(press_page(f"<div class='press__quote'>{LEAD}</div>"), encoding="utf-8")
    result = process_document(InputFile(path, "release.html"), default_matcher())
    assert len(result.stories) == 1
    story = result.stories[0]
    lines = [ln for ln in story.text.split("\n") if ln.strip()]
    assert lines.index(LEAD) < lines.index(PARA[1])
    assert story.text.count(LEAD) == 1
    assert "partnership" in [e.kind for e in story.events]


def test_standfirst_printed_twice_is_put_back_once() -> None:
    twice = f"<div class='lead-mobile'>{LEAD}</div><div class='lead-desktop'>{LEAD}</div>"
    story = read_html(press_page(twice)).stories[0]
    assert story.text.count(LEAD) == 1


def test_standfirst_with_inline_markup_keeps_its_words() -> None:
    marked = LEAD.replace("research partnership", "<strong>research partnership</strong>")
    story = read_html(press_page(f"<div class='summary'>{marked}</div>")).stories[0]
    assert LEAD in story.text


def test_captions_bylines_prompts_and_dates_are_not_put_back() -> None:
    caption = ("Nurses from Pinecrest Hospital test a remote consultation cart in a clinic of the northern "
               "valley during a trial run held last winter.")
    byline = ("Jordan Vale is a health reporter who has covered hospitals and universities in the "
              "northern valley for the Example Times since the spring of last year.")
    prompt = ("Get our morning briefing with the stories that matter in health and science, delivered "
              "to your inbox every weekday before breakfast.")
    stamp = "Posted: Monday 3 March 2025, 9:05 am | Updated: Tuesday 4 March 2025"
    furniture = (f"<figure><img src='cart.jpg'><div>{caption}</div></figure>"
                 f"<div class='image-block'><div>{caption}</div></div>"
                 f"<div class='author-bio'>{byline}</div>"
                 f"<div class='newsletter-box'><div>{prompt}</div></div>"
                 f"<div class='stamp'>{stamp}</div>")
    story = read_html(press_page(furniture)).stories[0]
    for line in (caption, byline, prompt, stamp):
        assert line not in story.text


def test_text_outside_the_article_container_is_not_put_back() -> None:
    banner = ("Pinecrest Hospital is a teaching hospital serving the northern valley, with four hundred "
              "beds and a maternity unit that opened in the autumn.")
    html = (f"<html><body><h1>{TITLE}</h1><div class='site-intro'>{banner}</div>"
            f"<div class='press__body'>{BODY}</div></body></html>")
    story = read_html(html).stories[0]
    assert banner not in story.text
    assert PARA[1] in story.text


def test_page_without_headline_or_lines_is_left_as_it_is() -> None:
    tree = load_tree(f"<html><body><div>{LEAD}</div>{BODY}</body></html>")
    lines = PARA[1:]
    assert lead_paragraphs(tree, lines) is lines
    assert lead_paragraphs(tree, []) == []
    assert lead_paragraphs(None, lines) is lines
