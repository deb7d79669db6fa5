"""When a seat asks a person to log in, what it tells them first and what it keeps:
against the test server (trust) and an embedded server that checks passwords."""

import asyncio
import threading
from dataclasses import replace
from pathlib import Path

from keyring.backends.fail import Keyring as FailKeyring

from console.accounts import login_policy
from console.accounts.credentials import SERVICE
from console.accounts.login import Target
from console.accounts.login_policy import Question
from db.embedded import EmbeddedServer
from db.migrate import upgrade
from tests.db.conftest import MakeLogin
from tests.keyrings import MemoryKeyring, WatchedKeyring, installed

SECRET = "Test-Secret-40517!"
NOWHERE = "postgresql://li@127.0.0.1:9/hotline"  # nothing listens on port 9


def test_a_login_form_needs_a_user_and_for_verify_full_a_ca_file() -> None:
    target = Target("db.centre", 5432, "hotline", "li")
    assert login_policy.form_problem(target) is None
    assert login_policy.form_problem(replace(target, user="")) == login_policy.USER_EMPTY
    verify = replace(target, sslmode="verify-full")
    assert login_policy.form_problem(verify) == login_policy.CA_MISSING
    assert login_policy.form_problem(replace(verify, ca_file="/etc/ca.pem")) is None


async def test_a_url_with_its_password_is_used_as_given() -> None:
    url = Target("127.0.0.1", 9, "hotline", "li").url(SECRET)
    with installed(MemoryKeyring()) as kept:
        assert await login_policy.without_asking(url) == url  # no server is even tried
    assert kept.kept == {}


async def test_who_needs_no_password_is_not_asked_and_a_refused_login_is_told(
        database_url: str, login_as: MakeLogin) -> None:
    with installed(MemoryKeyring()):
        assert await login_policy.without_asking(database_url) == Target.from_url(
            database_url).url(None)
        asked = await login_policy.without_asking(login_as("operator", can_login=False))
    assert isinstance(asked, Question) and asked.keyring_usable
    # The server refused a login that needed no password (a disabled account): libpq
    # gives no code that says why, so the person is told the server refused it.
    assert asked.problem is not None and asked.problem.code == "login.other"


async def test_an_unreachable_server_is_told_and_a_kept_password_stays_kept() -> None:
    target = Target.from_url(NOWHERE)
    with installed(MemoryKeyring()) as kept:
        kept.set_password(SERVICE, target.key, SECRET)
        asked = await login_policy.without_asking(NOWHERE)
    assert isinstance(asked, Question) and asked.target == target
    assert asked.problem is not None and asked.problem.code == "login.unreachable"
    assert kept.kept == {(SERVICE, target.key): SECRET}  # the link, not the password, failed
    with installed(FailKeyring()):
        asked = await login_policy.without_asking(NOWHERE)
    assert isinstance(asked, Question) and not asked.keyring_usable


async def test_the_keyring_is_asked_off_the_loop_thread(database_url: str) -> None:
    """A keyring may wait on a desktop service: the seat asks it from a worker thread."""
    here = threading.current_thread().name
    target = Target.from_url(database_url)
    with installed(WatchedKeyring()) as kept:
        assert await login_policy.without_asking(database_url) == target.url(None)
        assert await login_policy.attempt(target, SECRET, remember=True) == target.url(SECRET)
    assert kept.kept == {(SERVICE, target.key): SECRET}
    assert len(kept.threads) == 2 and here not in kept.threads


async def test_on_a_server_that_checks_passwords(pgdata_dir: Path) -> None:
    server = EmbeddedServer(pgdata_dir)
    owner_url = server.start()
    try:
        await asyncio.to_thread(upgrade, owner_url)
        server.require_passwords()
        assert await login_policy.local_admin(owner_url) is None  # the first start
        url = await login_policy.make_local_admin(owner_url, "li_admin", "李管理", SECRET)
        assert await login_policy.local_admin(owner_url) == "li_admin"
        person = Target.from_url(url)
        assert person.user == "li_admin" and url == login_policy.as_person(
            owner_url, "li_admin", SECRET)

        with installed(MemoryKeyring()) as kept:
            asked = await login_policy.without_asking(login_policy.as_person(owner_url,
                                                                             "li_admin"))
            assert isinstance(asked, Question) and asked.problem is None  # just asked
            wrong = await login_policy.attempt(person, "not-it-123", remember=True)
            assert not isinstance(wrong, str) and wrong.code == "login.password"
            assert kept.kept == {}  # nothing kept from a login that failed
            assert await login_policy.attempt(person, SECRET, remember=False) == url
            assert kept.kept == {}  # nor when not asked to
            assert await login_policy.attempt(person, SECRET, remember=True) == url
            assert kept.kept == {(SERVICE, person.key): SECRET}
            # Kept: the next start asks nothing.
            assert await login_policy.without_asking(person.url(None)) == url
            # The embedded server's own logins never use the keyring.
            asked = await login_policy.without_asking(person.url(None), local=True)
            assert isinstance(asked, Question) and not asked.keyring_usable
            # A kept password that changed since is forgotten, and the person is told.
            kept.set_password(SERVICE, person.key, "changed-since-1")
            asked = await login_policy.without_asking(person.url(None))
            assert isinstance(asked, Question)
            assert asked.problem is not None and asked.problem.code == "login.password"
            assert kept.kept == {}
    finally:
        server.stop()
