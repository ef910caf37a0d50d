"""Mine wire boilerplate from a folder of press releases into medtui's known-lines file.

A line (case, spacing and figures normalised, as :func:`medtui.corpus.boilerplate.normalise_line`
gives it) is boilerplate when it recurs in at least ``--min-titles`` documents with
different titles: a wire's terms-of-use and SMS-alert lines, an issuer's "About" paragraph,
a contact line. Documents with the same title (one release carried by several wires) count
once, so a release's own sentences, copied between its wire copies, are never taken.
A short heading-like line ("Conclusion", "Key highlights:") is only taken when, in most of
its documents, what follows it is boilerplate too (a known line, a contact line, the end):
otherwise it is a section heading of the article.

Usage (medtui installed in the environment):

    python scripts/mine_boilerplate.py FOLDER [FOLDER ...] [--min-titles 8] [--out FILE]

The default output is src/medtui/data/boilerplate_lines.txt (what medtui ships); to add
your own corpus's boilerplate, mine it and append the lines to that file. Documents are read
and cleaned the way medtui reads them (:mod:`medtui.corpus.reader`, :mod:`medtui.corpus.clean`),
so that the lines match the story text medtui compares them to.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from medtui.corpus.boilerplate import KNOWN_FILE, normalise_line
from medtui.corpus.clean import ARTICLE_BREAK, clean_lines
from medtui.corpus.html import read_html
from medtui.corpus.reader import discover_files, read_document_text

HEADING_WORDS = 8
"""A line of at most this many words that does not end like a sentence is a heading."""
FOLLOWED_SHARE = 0.5
"""A heading is boilerplate when what follows it is boilerplate in at least this share of documents."""
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_CONTACTISH = re.compile(r"@|https?://|www\.|0[-. ]0[-. ]0")
"""Contact data in a normalised line: an e-mail, a URL, a phone ("0-0-0": figures are 0)."""
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?$")


def read_lines(path: str) -> tuple[str, list[str]]:
    """(normalised title, normalised non-blank lines) of one document, as medtui cleans it."""
    decoded = read_document_text(Path(path))
    if decoded.text is None:
        return "", []
    clean = read_html(decoded.text).clean if decoded.is_html else clean_lines(decoded.text)
    lines = [ln for ln in clean.lines if ln.strip() and ln != ARTICLE_BREAK]
    title = (decoded.front.title if decoded.front and decoded.front.title else None) or clean.title_hint
    title = title or (lines[0] if lines else "")
    return normalise_line(title), [normalise_line(ln) for ln in lines]


def _eligible(norm: str, title: str) -> bool:
    return norm != title and not norm.startswith("# ") and bool(_LETTERS.search(norm))


def mine(docs: list[tuple[str, list[str]]], min_titles: int) -> list[str]:
    """The boilerplate lines of ``docs`` ((title, lines) pairs), sorted."""
    titles: dict[str, set[str]] = defaultdict(set)
    for title, lines in docs:
        for norm in set(lines):
            if _eligible(norm, title):
                titles[norm].add(title)
    found = {n for n, t in titles.items() if len(t) >= min_titles}
    headings = {n for n in found if len(n.split()) <= HEADING_WORDS and not _SENTENCE_END.search(n)}
    followed: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _title, lines in docs:
        for i, norm in enumerate(lines):
            if norm in headings:
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                tally = followed[norm]
                tally[0] += nxt is None or nxt in found or bool(_CONTACTISH.search(nxt))
                tally[1] += 1
    weak = {n for n, (ok, total) in followed.items() if ok < FOLLOWED_SHARE * total}
    return sorted(found - weak)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--min-titles", type=int, default=8)
    ap.add_argument("--out", type=Path, default=KNOWN_FILE)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    files, _warnings = discover_files(args.folders)
    paths = [str(f.path) for f in files]
    with ProcessPoolExecutor(args.workers) as pool:
        docs = list(pool.map(read_lines, paths, chunksize=64))
    lines = mine(docs, args.min_titles)
    header = [
        "# medtui: known wire boilerplate (see medtui.corpus.boilerplate). Each line is a line of",
        "# story text with case, spacing and figures normalised that recurs in at least",
        f"# {args.min_titles} documents with different titles; mined by scripts/mine_boilerplate.py",
        f"# from {len(paths)} documents. Lines starting with '# ' are comments.",
    ]
    args.out.write_text("\n".join([*header, *lines]) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines from {len(paths)} documents -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
