"""The statistics pane at a seat with generated cases: its tiles and bars say what the
database holds (counted here by plain SQL), a click on a bar or a point shows those
very cases in the queue, Enter on a bar picked with the arrows too, and a case saved
at another seat arrives in today's tiles with one read for a burst."""

from __future__ import annotations

import datetime as dt
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from console.calendar import deadlines
from console.core.store import Store
from console.demodata import demo
from console.hotline.intake import create_case
from db.engine import libpq_conninfo
from tests.factories import draft
from tests.widgets.conftest import run
from widgets.stats.charts import RankedBars
from widgets.stats.stats_pane import StatsPane

TODAY, RANGE = 0, 3  # in the period's list
RECEIVED = ("created_at >= %(start)s AND created_at < %(end)s"
            " AND status NOT IN ('merged', 'invalid')")


@pytest.fixture
def stats_seat(qtbot: Any, open_seat: Any, database_url: str) -> Any:
    async def fill() -> None:
        owner = Store(database_url, "demo")
        try:
            await deadlines.seed_calendar(owner, deadlines.calendar_years(dt.date.today()))
            await demo.generate_cases(owner, count=800, days=40)
        finally:
            await owner.close()

    run(qtbot, fill(), timeout_ms=60000)
    seat = open_seat()
    dock = seat.window.stats_dock
    dock.setFloating(True)
    dock.resize(1280, 860)
    dock.show()
    qtbot.waitExposed(seat.window.stats)
    return seat


def landed(qtbot: Any, pane: StatsPane, period: int) -> Any:
    """The pane's view for the period at ``period`` in its list (a range: the last 30
    days), once read."""
    if period == RANGE:
        today = pane.bar.last_day.date()
        pane.bar.first_day.setDate(today.addDays(-29))
    pane.bar.period.setCurrentIndex(period)
    qtbot.waitUntil(lambda: pane.view is not None and pane.view.query == pane.bar.query()
                    and not pane.follower.busy and not pane._slot.busy, timeout=15000)
    return pane.view


def sql(url: str, query: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    with psycopg.connect(libpq_conninfo(url)) as conn:
        return conn.execute(query, params).fetchall()  # type: ignore[arg-type]


def queue_ids(qtbot: Any, window: Any) -> set[Any]:
    model = window.queue.model
    qtbot.waitUntil(lambda: not model._query.busy, timeout=5000)
    return {model.case_id(r) for r in range(model.rowCount())}


def bar_pixel(bars: RankedBars, i: int) -> QPoint:
    """Where on the plot the ``i``-th bar (the most first) is, halfway along."""
    n, value = len(bars.rows), bars.rows[i].value
    box = bars.plot.vb
    scene = box.mapViewToScene(QPointF(value / 2, n - 1 - i))
    return bars.plot.mapFromScene(scene)


def test_the_tiles_and_bars_say_what_the_database_holds(qtbot: Any, stats_seat: Any,
                                                          database_url: str) -> None:
    pane: StatsPane = stats_seat.window.stats
    view = landed(qtbot, pane, RANGE)
    period = {"start": view.scope.start, "end": view.scope.end}
    [(intake,)] = sql(database_url, f'SELECT count(*) FROM "case" WHERE {RECEIVED}', period)
    [(still_open,)] = sql(database_url, "SELECT count(*) FROM \"case\" WHERE status IN"
                          " ('new', 'accepted', 'dispatched', 'in_progress', 'returned',"
                          " 'disputed', 'referred')", {})
    assert intake > 50
    assert pane.tiles.tiles["intake"].value.text() == f"{intake:,}"
    assert pane.tiles.tiles["open"].value.text() == f"{still_open:,}"
    received = RECEIVED.replace("created_at", "c.created_at").replace("status", "c.status")
    streets = sql(database_url, 'SELECT s.name, count(*) FROM "case" c JOIN street s'
                  f" ON s.code = c.street_code WHERE {received} GROUP BY 1 ORDER BY 2 DESC, 1",
                  period)
    assert sorted((r.value, n) for r, n in zip(pane.streets.rows, pane.streets._names,
                                               strict=True)) == sorted(
        (n, name) for name, n in streets)
    days = sql(database_url, "SELECT count(DISTINCT date(timezone('Asia/Shanghai', created_at)))"
               f' FROM "case" WHERE {RECEIVED}', period)[0][0]
    assert len(view.buckets) >= days and sum(p.value for p in view.series) == intake
    assert pane.chart.title.text() == "受理量（按日）"
    assert pane.status.text().startswith(f"{view.scope.start:%m-%d} — ")


def test_a_click_on_a_bar_or_a_point_shows_its_cases_in_the_queue(
        qtbot: Any, stats_seat: Any, database_url: str) -> None:
    window = stats_seat.window
    pane: StatsPane = window.stats
    view = landed(qtbot, pane, RANGE)
    bars = pane.categories
    first, name = bars.rows[0], bars._names[0]
    qtbot.mouseClick(bars.plot.viewport(), Qt.MouseButton.LeftButton, pos=bar_pixel(bars, 0))
    period = {"start": view.scope.start, "end": view.scope.end, "top": int(first.key)}
    wanted = {r[0] for r in sql(database_url, f"""
        WITH RECURSIVE sub AS (SELECT id FROM category WHERE id = %(top)s
            UNION ALL SELECT k.id FROM category k JOIN sub ON k.parent_id = sub.id)
        SELECT id FROM "case" WHERE {RECEIVED} AND category_id IN (SELECT id FROM sub)""",
                                period)}
    assert len(wanted) == first.value
    qtbot.waitUntil(lambda: window.queue.only_cases == frozenset(wanted), timeout=5000)
    assert queue_ids(qtbot, window) == wanted  # every status, not only the open ones
    assert window.queue.selection_chip.text().startswith(f"统计：{name}（")
    qtbot.mouseClick(window.queue.selection_chip, Qt.MouseButton.LeftButton)
    assert window.queue.only_cases is None

    # The keyboard: the go-to key, the arrows to the units' second bar, Enter.
    units = pane.units
    assert len(units.rows) >= 2
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: pane.categories.hasFocus(), timeout=3000)
    QTest.keyClick(pane.categories, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: units.hasFocus(), timeout=3000)
    QTest.keyClick(units, Qt.Key.Key_Down)
    QTest.keyClick(units, Qt.Key.Key_Return)
    overdue = {r[0] for r in sql(database_url, f"""
        SELECT id FROM "case" WHERE {RECEIVED} AND assigned_unit_id = %(unit)s
          AND (first_resolved_at > unit_due_at OR (first_resolved_at IS NULL
               AND unit_due_at < coalesce(paused_at, now())))""",
        {**period, "unit": int(units.rows[1].key)})}
    assert len(overdue) == units.rows[1].value
    qtbot.waitUntil(lambda: window.queue.only_cases == frozenset(overdue), timeout=5000)
    assert "超期" in window.queue.selection_chip.text()

    # A point of the chart: that day's cases of that channel.
    chart = pane.chart
    channel = next(iter(chart.lines))
    line = chart.lines[channel]
    xs, ys = line.getData()
    i = max(range(len(ys)), key=lambda k: ys[k])
    spot = chart.plot.vb.mapViewToScene(QPointF(xs[i], ys[i]))
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=chart.plot.mapFromScene(spot))
    day = view.buckets[i]
    one_day = {r[0] for r in sql(database_url, f'SELECT id FROM "case" WHERE {RECEIVED}'
                                 " AND channel = %(channel)s",
                                 {"start": day, "end": day + dt.timedelta(days=1),
                                  "channel": channel})}
    assert len(one_day) == ys[i] > 0
    qtbot.waitUntil(lambda: window.queue.only_cases == frozenset(one_day), timeout=5000)


def test_a_case_saved_at_another_seat_arrives_in_todays_tiles(
        qtbot: Any, stats_seat: Any, database_url: str) -> None:
    pane: StatsPane = stats_seat.window.stats
    catalog = stats_seat.console.catalog
    view = landed(qtbot, pane, TODAY)
    before, reads = view.tiles.intake, pane.reads
    assert view.hourly and pane.chart.title.text() == "受理量（按小时）"
    other = Store(database_url, "op_other")

    async def burst() -> None:
        for _ in range(3):
            await create_case(other, catalog, draft(catalog))

    try:
        run(qtbot, burst())
    finally:
        run(qtbot, other.close())
    tile = pane.tiles.tiles["intake"].value
    qtbot.waitUntil(lambda: tile.text() == f"{before + 3:,}", timeout=8000)
    qtbot.waitUntil(lambda: not pane.follower.busy, timeout=5000)
    assert pane.reads == reads + 1  # three cases, one read


def test_a_pane_behind_another_tab_reads_nothing_until_it_comes_to_the_front(
        qtbot: Any, open_seat: Any, database_url: str) -> None:
    window = open_seat().window
    pane: StatsPane = window.stats
    qtbot.waitUntil(lambda: pane.view is not None and not pane._slot.busy, timeout=15000)
    before = pane.view.tiles.intake
    window.tabifiedDockWidgets(window.stats_dock)[0].raise_()
    qtbot.waitUntil(lambda: not pane.on_screen(), timeout=3000)
    reads = pane.reads
    other = Store(database_url, "op_other")
    try:
        run(qtbot, create_case(other, window.catalog, draft(window.catalog)))
    finally:
        run(qtbot, other.close())
    qtbot.waitUntil(lambda: pane._stale, timeout=8000)  # the feed came; nothing was read
    assert pane.reads == reads
    window.stats_dock.raise_()
    tile = pane.tiles.tiles["intake"].value
    qtbot.waitUntil(lambda: tile.text() == f"{before + 1:,}", timeout=8000)
    assert pane.reads == reads + 1
