"""The two helpers every pane runs its background work with: a task slot (a newer
task voids the older one's result) and a feed follower (one reload per burst, at
most one in flight, and a save that lands through the feed)."""

import asyncio
from typing import Any

import pytest

from console.core import events
from console.core.errors import ConflictError
from console.core.feed import ChangeFeed
from console.core.store import Store
from tests.widgets.conftest import run
from widgets.common.feed_follower import FeedFollower
from widgets.common.task_slot import TaskSlot
from widgets.common.tasks import TaskRunner


@pytest.fixture
def seat_store(qtbot: Any, qloop: asyncio.AbstractEventLoop, database_url: str):
    store = Store(database_url, "op_a")
    yield store
    run(qtbot, store.close())


def test_a_newer_task_voids_the_older_result(qtbot: Any, qloop: asyncio.AbstractEventLoop) -> None:
    slot = TaskSlot(TaskRunner())
    landed: list[str] = []

    async def answer(text: str, delay: float) -> str:
        await asyncio.sleep(delay)
        return text

    slot.run(answer("old", 0.3), landed.append)
    slot.run(answer("new", 0.01), landed.append)
    qtbot.waitUntil(lambda: not slot.busy)
    assert landed == ["new"]  # the old one finished later and was dropped
    slot.run(answer("cleared", 0.01), landed.append)
    slot.supersede()
    qtbot.waitUntil(lambda: not slot.busy)
    assert landed == ["new"]


def test_an_older_refusal_is_dropped_too(qtbot: Any, qloop: asyncio.AbstractEventLoop) -> None:
    slot = TaskSlot(TaskRunner())
    refused: list[Exception] = []

    async def refuse() -> None:
        await asyncio.sleep(0.2)
        raise ConflictError("old")

    async def fine() -> None:
        return None

    slot.run(refuse(), on_error=refused.append)
    slot.run(fine(), on_error=refused.append)
    qtbot.waitUntil(lambda: not slot.busy)
    assert refused == []


def _append(store: Store, data: Any):  # noqa: ANN202
    async def write() -> int:
        async with store.transaction() as conn:
            return await events.append(conn, store.actor, data)
    return write()


def test_a_burst_of_events_costs_one_reload_and_a_save_lands_through_the_feed(
        qtbot: Any, seat_store: Store) -> None:
    feed = ChangeFeed(seat_store)
    run(qtbot, feed.start())
    reloads: list[int] = []

    async def reload() -> None:
        await asyncio.sleep(0.05)
        reloads.append(feed.last_id or 0)

    follower = FeedFollower(TaskRunner(), feed, [events.Kind.ROLL_CALL], reload, delay_ms=50)
    saving: list[bool] = []
    follower.saving_changed.connect(saving.append)
    for n in range(3):
        run(qtbot, _append(seat_store, events.RollCallChanged(n, "marked", 1)))
    run(qtbot, feed.wake())
    qtbot.waitUntil(lambda: not follower.busy)
    assert len(reloads) == 1

    run(qtbot, _append(seat_store, events.AccountChanged("x", "team")))  # not wanted
    run(qtbot, feed.wake())
    qtbot.wait(120)
    assert len(reloads) == 1

    saved: list[int] = []
    follower.save(_append(seat_store, events.RollCallChanged(7, "finished", 0)), saved.append)
    assert follower.saving
    qtbot.waitUntil(lambda: saved != [])
    assert not follower.saving and saving == [True, False]
    assert len(reloads) == 2 and reloads[-1] >= saved[0]  # one reload, after the event
    qtbot.waitUntil(lambda: not follower.busy)
    assert len(reloads) == 2
    follower.stop()


def test_a_refused_save_shows_nothing_as_saved(qtbot: Any, seat_store: Store) -> None:
    feed = ChangeFeed(seat_store)
    run(qtbot, feed.start())

    async def reload() -> None:
        return None

    async def refused() -> int:
        raise ConflictError("changed meanwhile", action="marked")

    follower = FeedFollower(TaskRunner(), feed, [events.Kind.ROLL_CALL], reload)
    errors: list[Exception] = []
    saved: list[int] = []
    follower.save(refused(), saved.append, errors.append)
    qtbot.waitUntil(lambda: errors != [])
    assert saved == [] and not follower.saving
    follower.stop()


def test_a_save_started_while_the_window_closes_is_closed_not_left_unawaited(
        qtbot: Any, qloop: asyncio.AbstractEventLoop) -> None:
    import gc
    import warnings

    runner = TaskRunner()
    run(qtbot, runner.cancel_all())  # the window is closing: the runner starts nothing more

    async def reload() -> None:
        return None

    async def write() -> int:
        return 1

    follower = FeedFollower(runner, None, [events.Kind.ROLL_CALL], reload)
    saved: list[int] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        coro = write()
        follower.save(coro, saved.append)
        qtbot.wait(50)
        gc.collect()
    assert coro.cr_frame is None  # closed
    assert not [w for w in caught if "never awaited" in str(w.message)]
    assert saved == [] and not follower.saving
    follower.stop()


def test_many_events_during_a_reload_space_the_next_and_a_few_do_not(
        qtbot: Any, seat_store: Store) -> None:
    """A burst (``BURST_EVENTS`` or more during a reload) waits ``burst_ms`` before the
    next reload; a few events during a reload keep the short delay."""
    from widgets.common import feed_follower

    feed = ChangeFeed(seat_store)
    run(qtbot, feed.start())
    gate = asyncio.Event()
    reloads: list[int] = []

    async def reload() -> None:
        reloads.append(feed.last_id or 0)
        await gate.wait()

    follower = FeedFollower(TaskRunner(), feed, [events.Kind.ROLL_CALL], reload,
                            delay_ms=30_000)  # no timer fires within the test
    follower.burst_ms = 60_000

    async def append_many(n: int) -> None:
        async with seat_store.transaction() as conn:
            for i in range(n):
                await events.append(conn, seat_store.actor, events.RollCallChanged(i, "x", 1))

    for many, waits in ((3, 30_000), (feed_follower.BURST_EVENTS, 60_000)):
        gate.clear()
        follower.reload_now()
        qtbot.waitUntil(lambda: follower._in_flight)  # noqa: SLF001
        run(qtbot, append_many(many))
        run(qtbot, feed.wake())
        gate.set()
        qtbot.waitUntil(lambda: not follower._in_flight)  # noqa: SLF001
        assert follower._timer.isActive()  # noqa: SLF001  (one more reload, asked)
        assert follower._timer.interval() == waits  # noqa: SLF001
        follower._timer.stop()  # noqa: SLF001
    follower.stop()
