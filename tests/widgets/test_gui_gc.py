"""The GUI thread's collector (widgets/shell/gui_gc.py): automatic collection is off,
so a worker thread that allocates never collects; the GUI thread's timer collects;
a full collection freezes its survivors, and once an hour everything is unfrozen so a
cycle that died frozen is collected after all."""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from widgets.shell import gui_gc


class Node:
    """One half of a reference cycle; says in which thread it was freed."""

    freed_in: list[str] = []

    def __init__(self) -> None:
        self.other: Node | None = None

    def __del__(self) -> None:
        Node.freed_in.append(threading.current_thread().name)


def cycle() -> weakref.ref[Node]:
    """A cycle nobody refers to: only the collector frees it."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def collector(qapp: QApplication) -> Iterator[gui_gc.GuiThreadCollector]:
    thresholds = gc.get_threshold()
    gc.enable()  # as at start-up: the collector is what switches automatic collection off
    made = gui_gc.GuiThreadCollector(interval_ms=10)
    Node.freed_in = []
    yield made
    made.stop()
    made.deleteLater()
    gc.set_threshold(*thresholds)
    gc.disable()  # the session's collector (conftest) goes on collecting for the tests


def test_a_worker_thread_that_allocates_never_collects(
        collector: gui_gc.GuiThreadCollector) -> None:
    assert not gc.isenabled()
    gc.collect()
    dead = cycle()

    kept: list[list[list[int]]] = []

    def allocate() -> None:  # far past every threshold: automatic collection would run here
        kept.append([[i] for i in range(50 * gc.get_threshold()[0])])

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert dead() is not None  # nobody collected in the worker
    assert gc.get_count()[0] > gc.get_threshold()[0]
    collector.collect_due()
    assert dead() is None
    assert Node.freed_in == [threading.current_thread().name] * 2
    kept.clear()


def test_the_timer_collects_on_the_gui_thread(collector: gui_gc.GuiThreadCollector,
                                              qtbot) -> None:  # noqa: ANN001
    dead = cycle()
    keep = [[i] for i in range(2 * gc.get_threshold()[0])]  # past generation 0's threshold
    qtbot.waitUntil(lambda: dead() is None, timeout=5000)
    del keep
    assert set(Node.freed_in) == {threading.main_thread().name}


def test_survivors_of_a_full_collection_are_frozen_until_the_hour_is_up(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 0)  # the collector reads them when made: every due one is full
    made = gui_gc.GuiThreadCollector(interval_ms=60_000)
    try:
        gc.unfreeze()
        a, b = Node(), Node()
        a.other, b.other = b, a
        frozen = weakref.ref(a)
        gc.collect(1)  # generation 2's count passes its threshold of 0
        made.collect_due()  # full: what lives now is frozen
        assert gc.get_freeze_count() > 0
        del a, b  # the cycle dies among the frozen
        gc.collect(1)
        made.collect_due()
        assert frozen() is not None  # a full collection left the frozen alone
        now = gui_gc.time.monotonic()
        monkeypatch.setattr(gui_gc.time, "monotonic", lambda: now + gui_gc.UNFREEZE_EVERY_S + 1)
        gc.collect(1)
        made.collect_due()  # the hour is up: everything unfrozen ...
        monkeypatch.undo()
        assert gc.get_freeze_count() == 0
        gc.collect(1)
        made.collect_due()  # ... and the next full collection walks it all
        assert frozen() is None
    finally:
        made.stop()
        made.deleteLater()
        gc.set_threshold(*thresholds)
        gc.disable()


def test_install_makes_one_collector_per_application(qapp: QApplication) -> None:
    first = gui_gc.install(qapp)
    assert gui_gc.install(qapp) is first
    assert not gc.isenabled()


def test_free_memory_goes_back_to_the_system_after_a_full_collection_once_a_minute(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    trims: list[int] = []
    monkeypatch.setattr(gui_gc, "_malloc_trim", lambda: trims.append)
    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 0)  # every due collection is a full one
    made = gui_gc.GuiThreadCollector(interval_ms=60_000)
    try:
        gc.collect(1)
        made.collect_due()
        assert trims == []  # not yet a minute since the last
        now = gui_gc.time.monotonic()
        monkeypatch.setattr(gui_gc.time, "monotonic", lambda: now + gui_gc.TRIM_EVERY_S + 1)
        gc.collect(1)
        made.collect_due()
        gc.collect(1)
        made.collect_due()
        assert trims == [0]  # once in the minute
    finally:
        monkeypatch.undo()
        made.stop()
        made.deleteLater()
        gc.set_threshold(*thresholds)
        gc.disable()
        gc.unfreeze()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_malloc_arenas_are_capped_unless_the_environment_says(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert gui_gc.limit_malloc_arenas()
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert not gui_gc.limit_malloc_arenas()
