"""lxml's parse of a page whose control characters are gone (issue 9's speed criterion):
:func:`medtui.corpus.html_meta.load_tree` skips trafilatura's removal of them, and the same
tree comes out as from :func:`trafilatura.utils.load_html`."""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.utils import load_html

from medtui.corpus.html import read_html
from medtui.corpus.html_meta import load_tree

_BODY = "<body><h1>Riverside University opens a clinic</h1><p>Northgate Hospital joins.</p></body>"
PAGES = [
    f"<!DOCTYPE html>\n<html><head><title>T</title></head>{_BODY}</html>",
    f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/x.dtd">\n<html>{_BODY}</html>',
    f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/x.dtd"><html>{_BODY}</html>',  # one line
    f"<!doctype html><html>{_BODY}</html>",
    f'<html lang="en"/>\n{_BODY}',
    f'<?xml version="1.0" encoding="utf-8"?>\n<html>{_BODY}</html>',
    f"<div>{_BODY}</div>",
    "<p>Riverside University</p>",
    "plain words, no markup at all",
    f"<html>{_BODY}\t\n</html>",
    "",
]


@pytest.mark.parametrize("html", PAGES)
def test_the_tree_is_trafilaturas(html: str) -> None:
    ours, theirs = load_tree(html, controls_removed=True), load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)


def test_a_page_with_noncharacters_still_loses_them() -> None:
    html = "<html>" + _BODY.replace("joins", "jo\ufffeins") + "</html>"
    tree = load_tree(html, controls_removed=True)
    assert tree is not None and "joins" in etree.tostring(tree, encoding="unicode")


def test_read_html_gives_the_same_either_way() -> None:
    html = f"<!DOCTYPE html>\n<html><head><title>Riverside University opens a clinic</title></head>{_BODY}</html>"
    assert read_html(html, controls_removed=True) == read_html(html)


_FORM = ("<FORM action='/s'><Label for='q'>Search</Label><INPUT id='q'><select><option>A</option></select>"
         "<textarea>x</textarea></FORM><Svg:G>icon</Svg:G><p>Riverside University</p>")


@pytest.mark.parametrize("html", [*PAGES, f"<html><body>{_FORM}</body></html>"])
def test_every_element_has_the_class_trafilaturas_parser_gives(html: str) -> None:
    """The parser that finds classes in C (:func:`medtui.corpus.html_meta.html_parser`)
    gives each node the class lxml.html's Python lookup gives (forms, inputs, labels,
    selects and text areas have their own), whatever the case of the tag as written."""
    ours, theirs = load_tree(html, controls_removed=True), load_html(html)
    if ours is None:
        assert theirs is None
        return
    assert [type(el) for el in ours.iter()] == [type(el) for el in theirs.iter()]
    assert [el.tag for el in ours.iter()] == [el.tag for el in theirs.iter()]


def test_the_form_page_has_form_classes() -> None:
    """The comparison above is not empty-handed: the form page's elements have form classes."""
    tree = load_tree(f"<html><body>{_FORM}</body></html>", controls_removed=True)
    names = {type(el).__name__ for el in tree.iter()}
    assert {"FormElement", "LabelElement", "InputElement", "SelectElement", "TextareaElement"} <= names
