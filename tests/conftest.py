"""Fixtures: a real PostgreSQL (the machine's server at 127.0.0.1:5432 when it
answers, otherwise the embedded one), one migrated template database with the
demo reference data per session, and a fresh copy of it for every test.

Every test also fails on a warning or error logged that it did not expect: mark
the ones it expects with ``@pytest.mark.expected_log("regex", ...)`` (matched
against ``logger: message``). This file imports no Qt: the console and database
tests also run where PySide6 is not installed (``make test-core``).
"""

from __future__ import annotations

import asyncio
import importlib.util
import itertools
import logging
import os
import re
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql as pgsql

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.core.store import Store
from console.demodata import demo
from db.embedded import EmbeddedServer  # noqa: E402
from db.engine import libpq_conninfo, normalise_url  # noqa: E402
from db.migrate import upgrade  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    if importlib.util.find_spec("pytestqt") is None:  # the Qt-free run (make test-core)
        for name in ("qt_api", "qt_log_level_fail", "qt_log_ignore"):
            parser.addini(name, "pytest-qt's setting (pytest-qt is not installed here)")


LOCAL_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
_counter = itertools.count()


@pytest.fixture(autouse=True)
def sms_log(tmp_path_factory: pytest.TempPathFactory,
            monkeypatch: pytest.MonkeyPatch) -> None:
    """A seat's sending loop writes its log of messages to citizens under the test's
    temporary directory, never the user's data directory."""
    monkeypatch.setenv("HOTLINE_SMS_LOG", str(tmp_path_factory.mktemp("sms") / "out.log"))


@pytest.fixture(autouse=True)
def no_unexpected_logs(request: pytest.FixtureRequest,
                       caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail a test that logged a warning or an error it did not declare (hidden bugs
    often show only in the log). Torn down after the test's other fixtures, so it
    sees what their teardown logged too."""
    yield
    allowed = [re.compile(pattern) for mark in request.node.iter_markers("expected_log")
               for pattern in mark.args]
    unexpected = [
        f"{record.levelname} {record.name}: {record.getMessage()}"
        for when in ("setup", "call", "teardown") for record in caplog.get_records(when)
        if record.levelno >= logging.WARNING
        and not any(p.search(f"{record.name}: {record.getMessage()}") for p in allowed)]
    if unexpected:
        pytest.fail("unexpected log records (mark them with expected_log if intended):\n"
                    + "\n".join(unexpected), pytrace=False)


def _local_server_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            pass
        with psycopg.connect(libpq_conninfo(LOCAL_SERVER), connect_timeout=3):
            return True
    except (OSError, psycopg.Error):
        return False


def _admin(url: str, sql: str) -> None:
    with psycopg.connect(libpq_conninfo(url), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


# A database made from a template gets the template's objects but not its own
# privileges (pg_database.datacl): it starts with the defaults, where PUBLIC may
# connect and make temporary objects, so 0007's REVOKE TEMPORARY would be lost.
# The template's grants are made again on the copy, after revoking the defaults.
_COPY_GRANTS = """
DO $$
DECLARE
    given record;
BEGIN
    IF (SELECT datacl FROM pg_catalog.pg_database WHERE datname = {template}) IS NULL THEN
        RETURN;  -- the template has the defaults, and so has the copy
    END IF;
    EXECUTE pg_catalog.format('REVOKE ALL ON DATABASE %I FROM PUBLIC', {copy});
    FOR given IN
        SELECT a.privilege_type, a.is_grantable,
               coalesce(r.rolname, 'PUBLIC') AS grantee, a.grantee = 0 AS public
        FROM pg_catalog.pg_database d, pg_catalog.aclexplode(d.datacl) a
        LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
        WHERE d.datname = {template}
    LOOP
        EXECUTE pg_catalog.format('GRANT %s ON DATABASE %I TO %s%s', given.privilege_type,
            {copy}, CASE WHEN given.public THEN 'PUBLIC'
                           ELSE pg_catalog.quote_ident(given.grantee) END,
            CASE WHEN given.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
    END LOOP;
END $$"""


def copy_database(admin_url: str, template: str, name: str) -> str:
    """A new database ``name`` made from ``template``, with the template's privileges
    on the database itself (which CREATE DATABASE … TEMPLATE does not copy); its URL."""
    _admin(admin_url, f"CREATE DATABASE {name} TEMPLATE {template}")
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(pgsql.SQL(_COPY_GRANTS).format(  # a DO block takes no parameters
            template=pgsql.Literal(template), copy=pgsql.Literal(name)))
    return database_url_named(admin_url, name)


def database_url_named(admin_url: str, name: str) -> str:
    return normalise_url(admin_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def admin_url() -> Iterator[str]:
    if os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
    elif _local_server_answers():
        yield LOCAL_SERVER
    else:
        with tempfile.TemporaryDirectory(prefix="hotline-pg-") as tmp:
            server = EmbeddedServer(Path(tmp) / "pgdata")
            url = server.start()
            try:
                yield database_url_named(url, "postgres")
            finally:
                server.stop()


@pytest.fixture
def pgdata_dir() -> Iterator[Path]:
    """Where a test's own embedded server keeps its data: not under pytest's tmp_path,
    whose parent another test run (as root) makes private again while this one runs,
    locking out the system user the server runs as when the tests run as root."""
    with tempfile.TemporaryDirectory(prefix="hc-pg-") as tmp:
        yield Path(tmp) / "pgdata"


@pytest.fixture(scope="session")
def template_db(admin_url: str) -> Iterator[str]:
    name = f"hc_test_tpl_{os.getpid()}"
    _admin(admin_url, f"DROP DATABASE IF EXISTS {name}")
    _admin(admin_url, f"CREATE DATABASE {name}")
    url = database_url_named(admin_url, name)
    upgrade(url)

    async def load() -> None:
        store = Store(url, "test")
        try:
            await demo.load_reference_data(store)
        finally:
            await store.close()

    asyncio.run(load())
    try:
        yield name
    finally:
        _admin(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def database_url(admin_url: str, template_db: str) -> Iterator[str]:
    """A fresh, migrated database with the demo reference data and no cases."""
    name = f"hc_test_{os.getpid()}_{next(_counter)}"
    url = copy_database(admin_url, template_db, name)
    try:
        yield url
    finally:
        _admin(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def empty_database_url(admin_url: str) -> Iterator[str]:
    """A database with nothing in it, not even the schema."""
    name = f"hc_test_empty_{os.getpid()}_{next(_counter)}"
    _admin(admin_url, f"CREATE DATABASE {name}")
    try:
        yield database_url_named(admin_url, name)
    finally:
        _admin(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
