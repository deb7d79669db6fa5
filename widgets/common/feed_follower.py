"""A feed follower: the one way a pane keeps up with the change feed, and the one
way it saves.

It reloads when the feed brings events the pane cares about, a short delay after
the first of them (so a burst costs one reload), with at most one reload in flight:
events that arrive during a reload ask for exactly one more after it. When many
came during the reload (``BURST_EVENTS`` or more: a sweep issuing thousands of
orders, twenty to a commit), the next reload waits ``BURST_MS`` rather than the
short delay: the pane reads the burst in a few larger reads (each naming more
cases; a pane that names more than it reads cheaply by id reads its window
instead), not dozens of small ones a second, each with its queries and Python on
the GUI thread. A few changes in a row keep the short delay.

``save`` runs a service write, then waits until the feed has applied the event the
write appended and the reload that follows has landed: the pane shows what the
feed brought, the same path as for a change made at another seat, and reloads once
(not once for its own write and again for the feed). ``saving_changed`` tells the
pane to show "saving…" meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.errors import ConsoleError
from console.core.feed import ChangeFeed, Event, event_id_of
from widgets.common.tasks import TaskRunner

T = TypeVar("T")
Wants = Callable[[list[Event]], bool]
DEFAULT_DELAY_MS = 250
BURST_MS = 750  # the wait before the next reload while a burst goes on
BURST_EVENTS = 200  # ... once this many events came during the reload before


def of_kinds(kinds: Collection[str]) -> Wants:
    """Wants any event of one of ``kinds``."""
    wanted = frozenset(str(k) for k in kinds)
    return lambda events: any(e.kind in wanted for e in events)


class FeedFollower(QObject):
    saving_changed = Signal(bool)
    reloaded = Signal()  # after each reload that landed (tests count them)

    def __init__(self, runner: TaskRunner, feed: ChangeFeed | None,
                 wants: Wants | Collection[str],
                 reload: Callable[[], Coroutine[Any, Any, None]],
                 delay_ms: int = DEFAULT_DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._feed = feed
        self._wants: Wants = wants if callable(wants) else of_kinds(wants)
        self._reload = reload
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._delay_ms = delay_ms
        self.burst_ms = BURST_MS
        self._arrived = 0  # events the pane wanted since the last reload started
        self._timer.timeout.connect(self._start)
        self._in_flight = False
        self._again = False
        self._started = 0  # reloads started so far; each one's number is its generation
        self._landed = 0  # the generation of the last reload that finished
        self._after: list[tuple[int, Callable[[], None]]] = []  # run once a reload landed
        self._saving = 0
        self._stopped = False
        if feed is not None:
            feed.subscribe(self._on_events)

    @property
    def delay_ms(self) -> int:
        """How long after a wanted event the reload starts (a burst within it: one)."""
        return self._delay_ms

    @delay_ms.setter
    def delay_ms(self, value: int) -> None:
        self._delay_ms = value
        self._timer.setInterval(value)

    # ---- following -----------------------------------------------------------------------------
    def _on_events(self, events: list[Event]) -> None:
        if self._wants(events):
            self._arrived += len(events)
            self.request()

    def request(self) -> None:
        """Reload after the delay (or after the reload in flight)."""
        if self._stopped:
            return
        if self._in_flight:
            self._again = True
        elif not self._timer.isActive():
            self._timer.start(self._delay_ms)

    def reload_now(self) -> None:
        """Reload at once (or right after the reload in flight): the first load, a
        filter the user changed."""
        if self._stopped:
            return
        self._timer.stop()
        if self._in_flight:
            self._again = True
        else:
            self._start()

    def _start(self) -> None:
        if self._stopped:
            return
        self._in_flight = True
        self._arrived = 0
        self._started += 1
        generation = self._started

        async def guarded() -> None:
            try:
                await self._reload()
            finally:
                self._finished(generation)

        self._runner.run(guarded())

    def _finished(self, generation: int) -> None:
        self._in_flight = False
        if self._stopped:  # the pane is closing or gone: touch none of its objects
            self._after = []
            return
        self._landed = generation
        due = [run for needed, run in self._after if needed <= generation]
        self._after = [(needed, run) for needed, run in self._after if needed > generation]
        self.reloaded.emit()
        if self._again and not self._stopped:
            self._again = False  # events came during the reload: many, a burst goes on
            self._timer.start(self._delay_ms if self._arrived < BURST_EVENTS
                              else max(self._delay_ms, self.burst_ms))
        for run in due:
            run()

    @property
    def busy(self) -> bool:
        return self._in_flight or self._timer.isActive() or self._saving > 0

    # ---- saving --------------------------------------------------------------------------------
    def save(self, write: Coroutine[Any, Any, T],
             on_saved: Callable[[T], None] | None = None,
             on_error: Callable[[ConsoleError], None] | None = None) -> None:
        """Run ``write``; once the feed applied its event and the reload after it
        landed, call ``on_saved`` with the write's result. A refusal goes to
        ``on_error`` (or the runner's status line); nothing is shown as saved."""
        self._set_saving(+1)

        async def written() -> T:
            result = await write
            if self._feed is not None:
                await self._feed.applied(event_id_of(result))
            return result

        def landed(result: T) -> None:
            def show() -> None:
                self._set_saving(-1)
                if on_saved is not None:
                    on_saved(result)
            self._after.append((self._started + 1, show))
            self.reload_now()

        def failed(exc: ConsoleError) -> None:
            self._set_saving(-1)
            if on_error is not None:
                on_error(exc)
            else:
                self._runner.user_error.emit(exc)

        task = self._runner.run(written(), landed, failed)

        def ended(t: asyncio.Task[T]) -> None:
            if t.cancelled():
                write.close()  # cancelled before it started (closing): not "never awaited"
                self._set_saving(-1)
            elif t.exception() is not None and not isinstance(t.exception(), ConsoleError):
                self._set_saving(-1)  # a bug: the runner reported it

        task.add_done_callback(ended)

    def _set_saving(self, step: int) -> None:
        was = self._saving > 0
        self._saving = max(0, self._saving + step)
        if (self._saving > 0) != was:
            self.saving_changed.emit(self._saving > 0)

    @property
    def saving(self) -> bool:
        return self._saving > 0

    @property
    def stopped(self) -> bool:
        """The pane is closing or gone: a reload that resumes after an await touches
        nothing of it."""
        return self._stopped

    def stop(self) -> None:
        """Follow no more (the pane is closing)."""
        self._stopped = True
        self._timer.stop()
        if self._feed is not None:
            self._feed.unsubscribe(self._on_events)
