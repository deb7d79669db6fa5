"""Sweeps run in a process of their own (``sweep_child``), started with the seat's
first sweep: building a page's statements, reading its rows, judging the ladder and
making the orders' rows is Python work that, on a thread of the seat, held the GIL
the GUI thread needs for every paint and every model call (and its garbage fed the
GUI thread's collector). The seat's loop only writes a request to a pipe and, on a
thread of the default executor that mostly waits in ``read``, reads the reply.

The child logs in as the seat's login: the URL, password included, goes to it as the
first message on its standard-input pipe, never on its command line or in its
environment. What the child logged during a sweep is logged again here under the
same loggers; an error that ended the sweep is raised here (``DatabaseUnavailable``
and ``DatabaseBusy`` as themselves, anything else as a ``RuntimeError`` with the
child's traceback). A child that died is started again by the next sweep.

The process ends ``LINGER_S`` after its last sweep (the next starts it again), so
its memory is the seat's only around sweeps. ``close`` closes the pipe (the child
ends at once when idle, or after the sweep in hand), and ends it after
``END_WAIT_S`` if it has not gone by then: every batch is its own transaction, so a
sweep cut short leaves nothing half done.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path

from console.calendar.workdays import WorkCalendar
from console.supervision import sweep_pipe, sweeper
from console.supervision.sweep_pipe import Hello, Reply, Request, SweeperEnded
from console.supervision.sweeper import SweepReport

CHILD = "console.supervision.sweep_child"
END_WAIT_S = 2.0
# The process ends this long after its last sweep: its imports and pool (some 60 MB,
# ``bench/sweep.py``) are held only around sweeps, not beside the seat all day. A
# seat offers to sweep every 30-40 s, so each sweep starts it anew (a fraction of a
# second of another core's time).
LINGER_S = 10.0
_ROOT = Path(__file__).resolve().parents[2]  # where the ``console`` package lives


class SweepWorker:
    def __init__(self, url: str, actor: str, *, child: str = CHILD,
                 linger_s: float = LINGER_S) -> None:
        self._url, self._actor, self._child = url, actor, child
        self._linger_s = linger_s
        self._process: subprocess.Popen[bytes] | None = None
        self._pipe = threading.Lock()  # one request and its reply at a time
        self._asking = 0  # sweeps in hand
        self._idle: asyncio.TimerHandle | None = None
        self._ending: set[asyncio.Task[None]] = set()  # processes being ended

    @property
    def pid(self) -> int | None:
        """The sweeper process's id while it runs."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def _started(self) -> subprocess.Popen[bytes]:
        process = self._process
        if process is not None and process.poll() is not None:
            _close_pipes(process)  # it died between sweeps
        if process is None or process.poll() is not None:
            process = subprocess.Popen(  # noqa: S603 (this interpreter, our module)
                [sys.executable, "-m", self._child], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, cwd=_ROOT, close_fds=True)
            assert process.stdin is not None
            sweep_pipe.write(process.stdin, Hello(self._url, self._actor))
            self._process = process
        return process

    def _ask(self, request: Request) -> tuple[Reply, SweepReport | None]:
        """On an executor thread: the child's reply, and its report decoded."""
        with self._pipe:
            process = self._started()
            assert process.stdin is not None and process.stdout is not None
            try:
                sweep_pipe.write(process.stdin, request)
                reply = sweep_pipe.read(process.stdout)
            except (BrokenPipeError, ValueError):  # ValueError: the pipe was closed
                reply = None
            if not isinstance(reply, Reply):
                if process.poll() is None:
                    process.kill()
                process.wait()
                _close_pipes(process)
                self._process = None
                raise SweeperEnded(f"the sweeper process ended ({process.returncode})")
        return reply, None if reply.error else reply.report()

    async def sweep(self, calendar: WorkCalendar, *, now: dt.datetime | None = None,
                    page_size: int = sweeper.PAGE) -> SweepReport:
        """One sweep (see ``sweeper.sweep``), run by the sweeper process."""
        request = Request.of(calendar, now, page_size)
        if self._idle is not None:
            self._idle.cancel()
        self._asking += 1
        try:
            reply, report = await asyncio.to_thread(self._ask, request)
        finally:
            self._asking -= 1
            if not self._asking:
                self._idle = asyncio.get_running_loop().call_later(
                    self._linger_s, self._end_idle)
        reply.relog()  # raises the error that ended the sweep
        assert report is not None
        return report

    def _end_idle(self) -> None:
        """The linger is over and no sweep is in hand: end the process."""
        self._idle = None
        if self._asking or self._process is None:
            return
        process, self._process = self._process, None  # the next sweep starts another
        task = asyncio.get_running_loop().create_task(asyncio.to_thread(_end, process))
        self._ending.add(task)
        task.add_done_callback(self._ending.discard)

    async def close(self) -> None:
        """End the sweeper process (see the module's doc)."""
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        process, self._process = self._process, None
        if process is not None:
            await asyncio.to_thread(_end, process)
        for task in list(self._ending):
            await task


def _close_pipes(process: subprocess.Popen[bytes]) -> None:
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            with contextlib.suppress(BrokenPipeError):  # the child is gone
                pipe.close()


def _end(process: subprocess.Popen[bytes]) -> None:
    assert process.stdin is not None
    with contextlib.suppress(BrokenPipeError):
        process.stdin.close()  # the child ends at its next read
    try:
        process.wait(END_WAIT_S)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(END_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    _close_pipes(process)
