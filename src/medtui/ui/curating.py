"""Curation from the keyboard, copies of a story, and the sources of a signing (app mixin).

On the Institutions pane: m merge into (pick the target in a filter box), r rename,
d split off one of its names, n not an institution, z undo. Each is saved to the
user's gazetteer.yaml at once (:class:`medtui.curation.Curator`) and applied to the
corpus in place, so the panes redraw without reloading. Copies of one story are
found in a worker after the corpus arrives; c on the Stories pane lists a story's
copies under it. Enter on a timeline row reported by several stories lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from medtui.corpus.model import Corpus
from medtui.ui.actions import ActionsMixin
from medtui.ui.render import date_label, one_line
from medtui.ui.widgets.institutions import InstitutionList
from medtui.ui.widgets.stories import StoryList


class CopiesFound(Message):
    """The copies of each story of ``corpus`` (first story id -> the copies' ids)."""

    def __init__(self, corpus: Corpus, copies: dict[str, list[str]]) -> None:
        super().__init__()
        self.corpus = corpus
        self.copies = copies


class CurationMixin(ActionsMixin):
    """Curation keys, the copies worker and the sources picker for the app."""

    curator: Any = None  # medtui.curation.Curator once the corpus is in

    def curation_ready(self, corpus: Corpus) -> None:
        """Apply the user's curation (if the loader did not) and start looking for copies."""
        from medtui.curation import curator_for

        self.curator = curator_for(corpus)
        self.find_copies(corpus)

    @work(thread=True, exclusive=True, group="copies", exit_on_error=False,
          description="Finding copies of stories")
    def find_copies(self, corpus: Corpus) -> None:
        """Group near-identical stories (the same release on two wires) off the UI thread."""
        from medtui.corpus.copies import copy_groups
        from medtui.ui.offload import CHILD_FROM, call_in_child

        worker = get_current_worker()
        stories = corpus.stories
        if len(stories) >= CHILD_FROM:  # seconds of Python: in a child, not against the UI
            copies = call_in_child(lambda: copy_groups(stories),
                                   cancelled=lambda: worker.is_cancelled)
        else:
            copies = copy_groups(stories, cancelled=lambda: worker.is_cancelled)
        if copies is not None and not worker.is_cancelled:
            self.post_message(CopiesFound(corpus, copies))

    def on_copies_found(self, message: CopiesFound) -> None:
        """Fold the copies into the stories list."""
        if not self.is_running:  # a worker's news arriving while the app shuts down
            return
        if message.corpus is self.model.corpus:
            self.model.copies = message.copies
            self.refresh_stories()

    def action_toggle_copies(self) -> None:
        """List the highlighted story's copies under it, or fold them away again."""
        stories = self.query_one(StoryList)
        story_id = stories.highlighted_id()
        model = self.model
        first = story_id if story_id in model.copies else next(
            (f for f, group in model.copies.items() if story_id in group), None)
        if first is None:
            self.message = "This story has no copies."
        elif first in model.expanded:
            model.expanded.discard(first)
            self.message = "Copies folded."
        else:
            model.expanded.add(first)
            n = len(model.copies[first])
            self.message = f"{n} {'copy' if n == 1 else 'copies'} listed under the story."
        self.refresh_stories()
        if first is not None:
            stories.highlight_id(first)
        self.refresh_status()

    def show_sources(self, event_id: str) -> bool:
        """For a signing reported by several stories, list them to open one; False if one."""
        from medtui.ui.screens.curate import PickDialog

        sources = self.model.sources.get(event_id, [])
        if len(sources) < 2:
            return False
        corpus = self.model.corpus
        choices = []
        for event in sources:
            story = corpus.story(event.story)
            title = story.title if story is not None else event.story
            choices.append((event.id, f"{date_label(event.date)}  {title}"))

        def chosen(event_id: str | None) -> None:
            event = next((e for e in sources if e.id == event_id), None)
            if event is not None:
                self.open_story(event.story, evidence=event.evidence)

        self.push_screen(PickDialog(f"{len(sources)} sources report this signing", choices,
                                    filter_box=False), chosen)
        return True

    # ---------------------------------------------------------------- curation
    def action_curate(self, op: str) -> None:
        """Run one curation on the highlighted institution (``undo`` needs none)."""
        from medtui.ui.screens.curate import NameDialog, PickDialog

        if self.curator is None:
            self.message = "Curation is possible once the documents are read."
            self.refresh_status()
            return
        if op == "undo":
            self._curated(self.curator.undo(), undo=True)
            return
        inst_id = self.query_one(InstitutionList).highlighted_id()
        inst = self.model.corpus.institution(inst_id) if inst_id else None
        if inst is None:
            self.message = "Highlight an institution first."
            self.refresh_status()
            return
        name = one_line(inst.name, 60)
        if op == "not":
            self._curated(self.curator.not_institution(inst.id))
        elif op == "rename":
            self.push_screen(NameDialog(f"Rename {name} to:", inst.name),
                             self._given(lambda new: self.curator.rename(inst.id, new)))
        elif op == "split":
            if not inst.aliases:
                self.message = f"{name} has no other names to split off."
                self.refresh_status()
                return
            self.push_screen(
                PickDialog(f"Split which name off {name}?", [(a, a) for a in inst.aliases]),
                self._given(lambda alias: self.curator.split(inst.id, alias)))
        elif op == "merge":
            choices = [(i.id, f"{i.name}  ({len(i.stories)})")
                       for i in sorted(self.model.corpus.institutions, key=lambda i: -len(i.stories))
                       if i.id != inst.id]
            self.push_screen(
                PickDialog(f"Merge {name} into:", choices),
                self._given(lambda target: self.curator.merge(inst.id, target)))

    def _given(self, operation: Callable[[str], Any]) -> Callable[[str | None], None]:
        """A dialog callback: run ``operation`` on the answer, unless it was cancelled."""

        def run(answer: str | None) -> None:
            if answer:
                self._curated(operation(answer))

        return run

    def _curated(self, outcome: Any, *, undo: bool = False) -> None:
        """Redraw after a curation; say what it did (and, once, if it could not be saved).

        The hint comes first, so a narrow status line cuts the names, not "z undoes".
        The cursor stays where the user works (:func:`_cursor_after`)."""
        hint = "" if undo or not outcome.changed else "z undoes: "
        self.message = hint + outcome.message
        if outcome.warning:
            self.message = outcome.warning
            if outcome.warning not in self.warnings:
                self.warnings.append(outcome.warning)
        if outcome.changed:
            listing = self.query_one(InstitutionList)
            before, at = listing.row_ids, listing.highlighted
            self.model.institutions_changed()
            self.refresh_all()
            row = _cursor_after(before, at, listing.row_ids)
            if row is not None:
                listing.highlight_id(row)
        self.refresh_status()


def _cursor_after(before: list[str], at: int | None, after: list[str]) -> str | None:
    """The institution row the cursor belongs on after a curation changed the list.

    An institution that came back (undo, split) is the one to look at; else the row
    that was under the cursor if it is still listed; else (marked not an institution,
    merged away) the row that took its place, not the top of the list.
    """
    old = set(before)
    back = next((row for row in after if row not in old), None)
    if back is not None:
        return back
    if at is None or not after:
        return None
    if at < len(before) and before[at] in set(after):
        return before[at]
    return after[min(at, len(after) - 1)]
