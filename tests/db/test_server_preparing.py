"""The seat's embedded server is prepared in a thread begun before Qt is imported
(``seat_setup.start_preparing``): the start waits for its future, which carries the
owner's URL or what went wrong, as ``asyncio.to_thread`` would."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from console import seat_setup
from db.embedded import EmbeddedServer
from db.engine import libpq_target
from db.migrate import current_revision, head_revision


def test_preparing_runs_in_its_own_thread_and_hands_over_the_owners_url(
        pgdata_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    prepare = seat_setup.prepare_embedded

    def noted(server: EmbeddedServer, *, with_demo: bool) -> str:
        threads.append(threading.current_thread().name)
        return prepare(server, with_demo=with_demo)

    monkeypatch.setattr(seat_setup, "prepare_embedded", noted)
    server = EmbeddedServer(pgdata_dir)
    try:
        url = seat_setup.start_preparing(server, with_demo=False).result(timeout=300)
        assert threads == ["prepare-embedded"]
        assert current_revision(url) == head_revision()
    finally:
        server.stop()


def test_what_went_wrong_while_preparing_is_handed_to_the_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(server: EmbeddedServer, *, with_demo: bool) -> str:
        raise OSError("no space left on device")

    monkeypatch.setattr(seat_setup, "prepare_embedded", broken)
    preparing = seat_setup.start_preparing(EmbeddedServer(tmp_path / "pg"), with_demo=False)
    with pytest.raises(OSError, match="no space left"):
        preparing.result(timeout=30)


def _sender_granted(url: str) -> bool:
    with libpq_target(url).connect() as conn:
        row = conn.execute(
            "SELECT EXISTS (SELECT FROM pg_auth_members WHERE roleid = 'hotline_sender'"
            "::regrole AND member = 'hotline_admin'::regrole)").fetchone()
    return bool(row and row[0])


def _next_xid(url: str) -> int:
    """The next transaction id the server will hand out (asking assigns none): it
    moves only when something was written."""
    with libpq_target(url).connect(autocommit=True) as conn:
        row = conn.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())::text").fetchone()
    assert row is not None
    return int(row[0])


def test_a_later_start_reads_and_writes_nothing(pgdata_dir: Path) -> None:
    """The first start migrates, seeds the calendar and lets the administrators send;
    a later one on the same data only reads what it checks: the schema's revision and
    the sending grant (given again when it was taken away)."""
    server = EmbeddedServer(pgdata_dir)
    try:
        url = seat_setup.prepare_embedded(server, with_demo=False)
        assert current_revision(url) == head_revision() and _sender_granted(url)
        with libpq_target(url).connect(autocommit=True) as conn:
            row = conn.execute("SELECT count(*) FROM working_day").fetchone()
            assert row is not None and row[0] > 0  # seeded by the first start
        before = _next_xid(url)
        assert seat_setup.prepare_embedded(server, with_demo=False) == url
        assert _next_xid(url) == before
        with libpq_target(url).connect(autocommit=True) as conn:
            conn.execute("REVOKE hotline_sender FROM hotline_admin")
        seat_setup.prepare_embedded(server, with_demo=False)
        assert _sender_granted(url)
    finally:
        server.stop()
