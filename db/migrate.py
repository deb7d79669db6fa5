"""Apply Alembic migrations the way users get them (programmatically, no alembic.ini).

Alembic itself (with Mako and Pygments) takes a third of a second to import: a
start that finds the schema up to date never imports it (``head_revision`` reads
the migrations' own lines)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from db.engine import libpq_target

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)
_QUOTED = re.compile(r"""['"]([^'"]+)['"]""")


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _revisions() -> tuple[set[str], set[str]]:
    """Every revision the migrations' files name, and every one named as below another."""
    revisions: set[str] = set()
    below: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            found = _QUOTED.findall(value)
            (revisions if name == "revision" else below).update(found)
    return revisions, below


def head_revision() -> str:
    """The newest migration this program knows: the one revision no other names as
    its ``down_revision``, read from the files' lines; Alembic decides when the
    files do not name exactly one."""
    revisions, below = _revisions()
    heads = revisions - below
    if len(heads) == 1:
        return heads.pop()
    return alembic_head()


def knows_revision(revision: str) -> bool:
    """Whether this program has the migration ``revision`` (a database migrated by a
    newer console is at one it does not know)."""
    return revision in _revisions()[0]


def alembic_head() -> str:
    """The newest migration as Alembic reads the scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config("postgresql://unused")).get_current_head()
    assert head is not None
    return head


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    """The database's revision (None before the first migration), asked on a plain
    psycopg connection: every start asks it, and an engine would first ask the server
    five questions of its own. Its errors come out as SQLAlchemy's, as every other
    statement's in ``db`` (an unreachable server: ``sqlalchemy.exc.OperationalError``)."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    asked = "SELECT version_num FROM alembic_version"
    try:
        with libpq_target(url).connect(connect_timeout=10) as conn:
            exists = conn.execute("SELECT to_regclass('alembic_version')").fetchone()
            if exists is None or exists[0] is None:
                return None
            row = conn.execute(asked).fetchone()
    except psycopg.Error as exc:
        raise DBAPIError.instance(asked, None, exc, psycopg.Error) from exc
    return None if row is None else str(row[0])


if __name__ == "__main__":  # python -m db.migrate URL: what an administrator runs once
    import sys

    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m db.migrate postgresql://ADMIN@HOST:PORT/DATABASE")
    upgrade(sys.argv[1])
    print(f"the database is at revision {current_revision(sys.argv[1])}")
