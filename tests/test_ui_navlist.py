"""NavList, the virtual list under every pane: lazy rows, headers skipped, keys, clicks."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult

from medtui.ui.widgets.navlist import NavList


class ListApp(App[None]):
    """One NavList filling a small screen; records what it built and selected."""

    def __init__(self, ids: list[str], headers: tuple[str, ...] = (), height: int = 1) -> None:
        super().__init__()
        self.ids = ids
        self.headers = headers
        self.row_height = height
        self.built: list[str] = []
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield NavList(id="list")

    def render_row(self, row_id: str) -> Text:
        self.built.append(row_id)
        return Text(f"row {row_id}\nsecond line of {row_id}")

    def on_mount(self) -> None:
        navlist = self.query_one(NavList)
        navlist.replace(self.ids, self.render_row, height=self.row_height, headers=self.headers)
        navlist.focus()

    @on(NavList.Selected)
    def _selected(self, message: NavList.Selected) -> None:
        self.selected.append(message.row_id)


def navlist(app: ListApp) -> NavList:
    return app.query_one(NavList)


async def test_only_visible_rows_are_built() -> None:
    app = ListApp([str(n) for n in range(20_000)], height=2)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert navlist(app).row_count == 20_000
        assert 0 < len(set(app.built)) <= 12
        await pilot.press("G")
        assert navlist(app).highlighted_id() == "19999"
        assert len(set(app.built)) <= 24


async def test_cursor_skips_headers_and_enter_selects() -> None:
    app = ListApp(["h1", "a", "b", "h2", "c"], headers=("h1", "h2"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert navlist(app).highlighted_id() == "a"  # the first row that is not a header
        await pilot.press("j", "j")
        assert navlist(app).highlighted_id() == "c"
        await pilot.press("j")  # nothing below: stays
        assert navlist(app).highlighted_id() == "c"
        await pilot.press("k", "k", "k")
        assert navlist(app).highlighted_id() == "a"
        await pilot.press("enter")
        assert app.selected == ["a"]


async def test_paging_and_ends_keep_the_cursor_on_screen() -> None:
    app = ListApp([str(n) for n in range(100)])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        widget = navlist(app)
        await pilot.press("pagedown")
        assert widget.highlighted is not None and widget.highlighted >= 9
        top = widget.scroll_offset.y
        assert top <= widget.highlighted < top + widget.scrollable_content_region.height
        await pilot.press("end")
        assert widget.highlighted == 99
        await pilot.press("home")
        assert widget.highlighted == 0 and widget.scroll_offset.y == 0


async def test_replace_keeps_the_cursor_on_the_same_id() -> None:
    app = ListApp(["a", "b", "c", "d"])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        widget = navlist(app)
        await pilot.press("j", "j")
        assert widget.highlighted_id() == "c"
        widget.replace(["d", "c", "x"], app.render_row)
        assert widget.highlighted_id() == "c"
        widget.replace(["y", "z"], app.render_row)
        assert widget.highlighted_id() == "y"
        widget.replace([], app.render_row)
        assert widget.highlighted_id() is None
        await pilot.press("j", "enter")  # harmless on an empty list
        assert app.selected == []


async def test_a_cursor_on_the_first_row_stays_at_the_top_as_rows_arrive() -> None:
    """Rows arriving and re-sorting while documents load must not carry the cursor (and
    the view) down to wherever the first row of the moment went."""
    app = ListApp(["m", "n"])
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        widget = navlist(app)
        assert widget.highlighted_id() == "m"
        many = [f"r{n:03}" for n in range(200)]
        widget.replace(["a", "b", *many, "m", "n"], app.render_row)
        await pilot.pause()
        assert widget.highlighted_id() == "a" and widget.scroll_offset.y == 0
        widget.replace(["b", "a", "z"], app.render_row, keep="z")  # named: followed
        assert widget.highlighted_id() == "z"


async def test_a_click_moves_the_cursor_and_a_second_click_selects() -> None:
    app = ListApp(["a", "b", "c"])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        await pilot.click(NavList, offset=(2, 1))
        assert navlist(app).highlighted_id() == "b"
        assert app.selected == []
        await pilot.click(NavList, offset=(2, 1))
        assert app.selected == ["b"]


async def test_redraw_row_rebuilds_only_that_row() -> None:
    app = ListApp(["a", "b"])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        app.built.clear()
        navlist(app).redraw_row("b")
        await pilot.pause()
        assert app.built == ["b"]


async def test_a_cursor_set_while_the_list_has_no_size_scrolls_once_it_has_one() -> None:
    """A hidden pane's list is not scrolled by a cursor set before layout (it showed the
    second line of a two-line row at the top, the title scrolled off)."""
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield NavList(id="l")

    app = One()
    async with app.run_test(size=(40, 10)) as pilot:
        navlist = app.query_one(NavList)
        navlist.display = False
        await pilot.pause()
        ids = [f"r{n}" for n in range(30)]
        navlist.replace(ids, lambda row_id: Text(f"{row_id}\nsummary"), height=2, keep="r0")
        navlist.display = True
        await pilot.pause()
        await pilot.pause()
        assert navlist.scroll_offset.y == 0
        assert navlist.highlighted_id() == "r0"
