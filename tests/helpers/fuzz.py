"""Hypothesis profiles and strategies for the fuzz tests (tests/test_fuzz_*.py).

Profiles, chosen by the environment variable ``HYPOTHESIS_PROFILE``:

- ``ci`` (default): 200 examples per property; the whole fuzz suite takes well under a minute.
- ``long``: 15,000 examples per property (over 100,000 in all); a run of tens of minutes::

      HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_*.py

- ``dev``: 20 examples, for editing the tests.

The profile is applied with the ``FUZZ`` decorator, not loaded globally, so other test
modules keep their own settings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

_COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                              HealthCheck.filter_too_much],
}
settings.register_profile("ci", max_examples=200, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=15_000, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("dev", max_examples=20, **_COMMON)  # type: ignore[arg-type]
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ = settings(settings.get_profile(PROFILE))
"""Decorator: the selected profile's settings for one property test."""

INSTITUTIONS = (
    "The University of Hong Kong", "HKU", "Zhejiang University", "Peking University Health "
    "Science Center", "Hospital Authority", "the Chinese University of Hong Kong (CUHK)", "CUHK",
    "Shenzhen Municipal People's Government", "Queen Mary Hospital", "Acme Biotech Ltd.",
    "Institute of Advanced Study", "King's College London", "HKUST", "香港科技大學",
)
VERBS = ("signed a memorandum of understanding with", "signed an agreement with", "partnered with",
         "launched a joint centre with", "approved the plan of", "met with", "received a grant from",
         "plans to sign an MoU with", "will seek approval from", "and")
DATES = ("11 March 2025", "March 11, 2025", "2025-03-11", "11/03/2025", "March 2025", "2025年3月11日",
         "last year", "31 February 2025", "Mar. 3 2024", "1 janvier 2024", "2099", "0000-00-00")
MARKUP = ("**", "*", "_", "# ", "- ", "1. ", "[link](http://x.org/a b)", "![img](x.png)", "<br>",
          "<p>", "</div>", "---", "> ", "`", "&amp;", "\\", "[", "](", ")", "(", "|", "\u2022 ")
HOSTILE = ("\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;http://evil.example\x1b\\", "\x1b]0;title\x07",
           "\x1b[2J", "\x1b[31m", "\x9b31m", "\x9d0;t\x9c", "\u202e", "\u2066", "[bold]", "[/]",
           "[link=http://evil]", "[@click=app.quit]", "\x00", "\r", "\x08", "\x7f", "\ufeff",
           "\u200b", "\u00a0", "\u2028", "\ud7ff", "\U0001f600")

fragment = st.one_of(
    st.sampled_from(INSTITUTIONS), st.sampled_from(VERBS), st.sampled_from(DATES),
    st.sampled_from(MARKUP), st.sampled_from(HOSTILE),
    st.text(st.characters(codec="utf-8"), max_size=12),
    st.sampled_from((" ", " ", " ", "\n", "\n\n", ". ", ", ", "(", ")", "\t")),
)
prose = st.lists(fragment, max_size=60).map("".join)
"""Text built from institution names, event verbs, dates, markup and hostile sequences."""

sentence = st.builds(
    lambda a, v, b, d, tail: f"{a} {v} {b} on {d}.{tail}",
    st.sampled_from(INSTITUTIONS), st.sampled_from(VERBS), st.sampled_from(INSTITUTIONS),
    st.sampled_from(DATES), st.sampled_from(("", " ", "\n", "\n\n")),
)
document_text = st.one_of(
    prose,
    st.lists(st.one_of(sentence, prose, st.sampled_from(("\n\n", "Title line\n\n", "# Heading\n"))),
             max_size=12).map("".join),
)
"""Whole documents: mostly sentences extraction can work on, with noise between them."""

HTML_BITS = ("<div>", "</div>", "<p>", "</p>", "<script>x<y</script>", "<style>a{}</style>",
             "<!--", "-->", "<article>", "</article>", "<a href='x'>", "</a>", "<b>", "<i>",
             "</b>", "<br/>", "<title>T</title>", "<meta property='og:title' content='M'>",
             "<nav>", "</nav>", "<li>", "<ul>", "<table><tr><td>", "<", ">", "&lt;", "&#0;",
             "<![CDATA[", "]]>", "<svg>", "<template>", "<time datetime='2025-03-11'>")
html_text = st.lists(st.one_of(st.sampled_from(HTML_BITS), fragment), max_size=60).map(
    lambda parts: "<!doctype html><html><body>" + "".join(parts))
"""HTML-ish documents: tags (balanced or not), scripts, comments and prose."""

raw_bytes = st.one_of(
    st.binary(max_size=2048),
    st.builds(lambda prefix, text, codec: prefix + text.encode(codec, "replace"),
              st.sampled_from((b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00",
                               b"\x89PNG", b"\x1f\x8b", b"\x00", b"<html>", b"\xc3")),
              document_text,
              st.sampled_from(("utf-8", "utf-16-le", "utf-16-be", "utf-32", "big5", "gb18030",
                               "shift_jis", "cp1252", "latin-1", "koi8-r", "euc-kr"))),
)
"""File contents: random bytes, or documents in assorted encodings behind assorted BOMs."""
