"""``python main.py export …`` for a scheduled job (issue 15, item 5): a subparser of
its own, days of the centre's calendar both included, the login's rights, an exit
status that says how it went; and the reporting replica's URL in the seat's settings
never holds a password (item 6)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

import main
from console.core.clock import CENTRE_TZ
from console.core.store import Store
from console.demodata.demo import generate_cases
from console.seat_settings import REPORTING_URL, SeatSettings
from db import schema as s
from tests.db.conftest import MakeLogin
from tests.test_seat_settings import DictStorage


def _made(url: str) -> list[tuple[str, dt.datetime]]:
    async def make() -> list[tuple[str, dt.datetime]]:
        store = Store(url, "owner")
        try:
            await generate_cases(store, count=150, days=20)
            async with store.read() as conn:
                return [(r[0], r[1]) for r in await conn.execute(
                    select(s.Case.public_no, s.Case.created_at))]
        finally:
            await store.close()

    return asyncio.run(make())


def test_the_export_command_writes_the_days_asked_for(
        database_url: str, login_as: MakeLogin, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    cases = _made(database_url)
    days = sorted({when.astimezone(CENTRE_TZ).date() for _no, when in cases})
    first, last = days[3], days[8]
    out = tmp_path / "week.xml"
    status = main.main(["--database-url", login_as("supervisor"), "export", "--format",
                        "open311-xml", "--from", first.isoformat(), "--to", last.isoformat(),
                        "--out", str(out)])
    wanted = {no for no, when in cases if first <= when.astimezone(CENTRE_TZ).date() <= last}
    assert status == 0 and capsys.readouterr().out == f"exported {len(wanted)} cases to {out}\n"
    body = out.read_text(encoding="utf-8")
    assert body.count("<request>") == len(wanted) > 0
    assert all(f"<service_request_id>{no}</service_request_id>" in body for no in wanted)

    out = tmp_path / "open.json"
    assert main.main(["export", "--format", "open311-json", "--status", "open", "--out",
                      str(out), "--database-url", login_as("dispatcher")]) == 0
    assert {r["status"] for r in json.loads(out.read_text(encoding="utf-8"))} == {"open"}


def test_the_export_command_says_what_is_wrong(
        database_url: str, login_as: MakeLogin, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSOLE_DATABASE_URL", raising=False)
    assert main.main(["export", "--format", "csv", "--out", str(tmp_path / "x.csv")]) == 2
    assert "--database-url" in capsys.readouterr().err
    url = login_as("dispatcher")
    assert main.main(["export", "--format", "csv", "--from", "2026-11-30", "--to",
                      "2026-11-01", "--out", str(tmp_path / "x.csv"),
                      "--database-url", url]) == 2
    assert "--to is before --from" in capsys.readouterr().err
    assert main.main(["export", "--format", "csv", "--out",
                      str(tmp_path / "no folder" / "x.csv"), "--database-url", url]) == 1
    assert "no file was written" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.expected_log(r"setting database/reporting_url: .* is not a database URL")
def test_the_reporting_url_setting_keeps_no_password(caplog: pytest.LogCaptureFixture
                                                     ) -> None:
    settings = SeatSettings.open(DictStorage())
    assert settings.get(REPORTING_URL) == ""
    settings.set(REPORTING_URL, "postgresql://standby:5432/hotline")
    assert settings.get(REPORTING_URL) == "postgresql://standby:5432/hotline"
    settings.storage.put(REPORTING_URL.key, "postgresql://ann:secret@standby/hotline")
    with caplog.at_level("WARNING"):
        assert settings.get(REPORTING_URL) == ""  # refused, never used
    assert "secret" not in caplog.text and "***" in caplog.text
