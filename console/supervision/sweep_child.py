"""The seat's sweeper process: ``python -m console.supervision.sweep_child``.

Started by ``sweep_worker.SweepWorker`` with the seat's first sweep. It reads the
``Hello`` (the database URL with the login's password, the seat's person) from its
standard input, a pipe only the seat writes to, then answers each sweep ``Request``
with one ``Reply`` (``sweep_pipe``) on a private copy of its standard output (the
descriptor 1 itself is pointed at standard error, so nothing printed by accident
can break a frame). Each sweep first ends staff sessions that hold a lock too long
(``console/core/lock_watch.py``), then runs ``sweeper.sweep`` on the child's own
one-connection pool, logged in as the seat's login. The child ends when the pipe
closes (the seat closed, quit or died), after the sweep in hand if any.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import traceback
from typing import IO

from console.core.lock_watch import LockWatch
from console.core.store import Store
from console.supervision import sweep_pipe, sweeper
from console.supervision.sweep_pipe import Hello, Reply, Request
from db.engine import make_engine


class Gathered(logging.Handler):
    """Keeps what the sweep logs, to be sent to the seat with the reply."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.name, self.format(record)))

    def take(self) -> list[tuple[int, str, str]]:
        taken, self.records = self.records, []
        return taken


async def _serve(hello: Hello, source: IO[bytes], out: IO[bytes], logs: Gathered) -> None:
    store = Store(hello.url, hello.actor, engine=make_engine(
        hello.url, pool_size=1, application_name="hotline-sweeper"))
    watch = LockWatch()
    try:
        while (request := sweep_pipe.read(source)) is not None:
            assert isinstance(request, Request)
            try:
                await watch.check(store)
                report = await sweeper.sweep(store, request.calendar(), now=request.now,
                                             page_size=request.page_size)
                reply = Reply.of(report, logs.take())
            except Exception as exc:  # the seat decides what an error means
                name = type(exc).__name__
                text = str(exc) if name in sweep_pipe.ERRORS else traceback.format_exc()
                reply = Reply(logs=logs.take(), error=(name, text))
            sweep_pipe.write(out, reply)
    finally:
        await store.close()


def main() -> None:
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logs = Gathered()
    root = logging.getLogger()
    root.addHandler(logs)
    root.setLevel(logging.INFO)
    hello = sweep_pipe.read(sys.stdin.buffer)
    if isinstance(hello, Hello):
        asyncio.run(_serve(hello, sys.stdin.buffer, out, logs))


if __name__ == "__main__":
    main()
