"""Passwords with spaces, quotes and backslashes work at every place a seat
connects (login, the store, the listener, account management), on a server that
really checks them, and never show in a log, an error or a connection string."""

import asyncio
import logging
from dataclasses import replace
from pathlib import Path

import pytest

from console.accounts import accounts
from console.accounts.login import Target, try_login
from console.app import ConsoleApp
from console.core.feed import Event
from console.core.store import Store
from console.seat_setup import bring_schema_up_to_date
from db.embedded import EmbeddedServer
from db.engine import libpq_conninfo, libpq_target
from db.migrate import upgrade

SECRET = "it's a \"long\" one \\ with spaces 9"
ADMIN_SECRET = "  another 'odd' one = \\x  "


async def wait_for(condition, timeout: float = 15.0) -> None:  # noqa: ANN001
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


def test_a_url_gives_libpq_no_password_inside_its_connection_string() -> None:
    url = Target("db.centre", 5432, "hotline", "li").url(SECRET)
    target = libpq_target(url)
    assert target.password == SECRET
    assert "spaces" not in target.conninfo and "spaces" not in libpq_conninfo(url)
    assert "spaces" not in repr(target)
    assert "user=li" in target.conninfo and "host=db.centre" in target.conninfo


async def test_a_password_with_spaces_and_quotes_logs_in_and_the_seat_works(
        pgdata_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    server = EmbeddedServer(pgdata_dir)
    owner_url = server.start()
    try:
        await asyncio.to_thread(upgrade, owner_url)
        server.require_passwords()  # every person's password is checked from now on
        owner = Store(owner_url, "setup")
        owner.roles = frozenset({"admin"})
        try:
            await accounts.create_account(owner, "li_admin", "李管理", accounts.CENTRE_GROUPS,
                                          ADMIN_SECRET)
        finally:
            await owner.close()
        admin_target = replace(Target.from_url(owner_url), user="li_admin")
        assert await try_login(admin_target, ADMIN_SECRET) is None
        # An administrator's start checks (and would bring up) the schema with it.
        await asyncio.to_thread(bring_schema_up_to_date, admin_target.url(ADMIN_SECRET))
        wrong = await try_login(admin_target, SECRET)
        assert wrong is not None and wrong.code == "login.password"

        # An account made by an administrator who logged in with an odd password.
        admin = Store(admin_target.url(ADMIN_SECRET), "li_admin")
        admin.roles = frozenset({"admin"})
        try:
            await accounts.create_account(admin, "wang_op", "王坐席", ("operator",), SECRET)
            person = replace(admin_target, user="wang_op")
            assert await try_login(person, SECRET) is None

            seat = ConsoleApp(person.url(SECRET), "wang_op", journal_path=tmp_path / "j.json")
            states: list[bool] = []
            seat.on_link_change = states.append
            await seat.open()  # the store: clock, roles, catalog
            try:
                assert seat.store.roles == frozenset({"operator"})
                await asyncio.wait_for(seat.listener.connected.wait(), 15)
                seen: list[Event] = []
                seat.feed.subscribe(seen.extend)
                await accounts.create_account(admin, "zhao_op", "赵坐席", ("operator",),
                                              SECRET)
                await wait_for(lambda: any(e.kind == "account_changed" for e in seen))
                assert states == [True]
            finally:
                await seat.close()
        finally:
            await admin.close()
    finally:
        server.stop()
    for secret in (SECRET, ADMIN_SECRET.strip()):
        assert secret not in caplog.text
        assert secret not in wrong.detail
