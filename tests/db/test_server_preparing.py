"""The seat's embedded server is prepared in a thread begun before Qt is imported
(``seat_setup.start_preparing``): the start waits for its future, which carries the
owner's URL or what went wrong, as ``asyncio.to_thread`` would."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from console import seat_setup
from db.embedded import EmbeddedServer
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
