"""A seat that names a read-only replica reads its statistics there (the same
database opened read-only stands in for a standby), and its live work on the
primary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from console.app import ConsoleApp
from console.hotline.intake import create_case
from db.engine import normalise_url
from tests.factories import draft
from tests.widgets.conftest import run
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import ini_settings


def test_the_statistics_pane_and_reports_read_from_the_replica(
        qtbot: Any, qloop: Any, database_url: str, tmp_path: Path) -> None:
    replica = normalise_url(database_url).set(username=None, password=None).render_as_string()
    console = ConsoleApp(database_url, "op_a", journal_path=tmp_path / "op_a.journal",
                         reporting_url=replica)
    run(qtbot, console.open())
    window = MainWindow(console, ini_settings(str(tmp_path / "op_a.ini")))
    try:
        assert console.reporting is not console.store
        pane = window.stats  # built on first use
        assert pane._store is console.reporting is window.reporting
        run(qtbot, create_case(console.store, console.catalog, draft(console.catalog)))
        pane.load()
        qtbot.waitUntil(lambda: pane.view is not None and pane.view.tiles.intake >= 1,
                        timeout=15000)

        async def read_only(store: Any) -> str:
            async with store.read() as conn:
                return str((await conn.execute(text("SHOW transaction_read_only"))).scalar_one())

        assert run(qtbot, read_only(pane._store)) == "on"
        assert run(qtbot, read_only(console.store)) == "off"
    finally:
        window.close()
        run(qtbot, window.runner.cancel_all())
        run(qtbot, console.close())
