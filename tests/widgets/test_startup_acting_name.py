"""A seat acts under the name it logged in with: no start option names anyone else."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import psycopg
import pytest

import main
from db.engine import libpq_conninfo, normalise_url
from tests.widgets.person import Person, visible
from tests.widgets.test_startup import quit_with_ctrl_q, run_main, seat  # noqa: F401 (fixture)
from widgets.shell.main_window import MainWindow


def test_no_start_option_lets_a_seat_act_under_another_name(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main.main(["--user", "zhang_supervisor", "--database-url",
                   "postgresql://li_op@127.0.0.1:1/hotline"])
    assert refused.value.code == 2  # argparse: an unknown option, nothing started
    assert "--user" in capsys.readouterr().err


def test_the_seat_acts_as_the_role_it_logged_in_as(
        seat: Path, database_url: str, admin_url: str) -> None:  # noqa: F811 (fixture)
    name = f"hc_t_actor_{os.getpid()}"
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")
        conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE hotline_operator")
    seen: dict[str, Any] = {}

    def look(window: MainWindow) -> None:
        seen["actor"] = window.store.actor
        quit_with_ctrl_q(window)

    try:
        url = normalise_url(database_url).set(username=name).render_as_string(
            hide_password=False)
        assert run_main(Person([("the main window", visible(MainWindow), look)]),
                        "--database-url", url) == 0
        assert seen["actor"] == name
    finally:
        with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {name}")
