"""Logging in to a shared server as oneself: the connection's facts, why a login
failed in words a person can act on, and the opt-in keyring memory.

The password lives only in memory (and in the seat's keyring when the person
asks for that); it is never written to a file, a log or an error message.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, replace

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import URL, make_url

from console.accounts.credentials import SERVICE
from db.engine import LibpqTarget, libpq_conninfo, normalise_url

log = logging.getLogger(__name__)
SSL_MODES = ("prefer", "require", "verify-full")


@dataclass(frozen=True)
class Target:
    """Where and as whom to log in (no password)."""

    host: str
    port: int
    database: str
    user: str
    sslmode: str = "prefer"
    ca_file: str = ""

    @classmethod
    def from_url(cls, url: str) -> Target:
        u = make_url(url)
        query = dict(u.query)
        # A socket directory (the embedded server) comes as ?host=/path.
        host = u.host or str(query.get("host", "") or "localhost")
        return cls(host, u.port or 5432, u.database or "hotline",
                   u.username or "", str(query.get("sslmode", "prefer")),
                   str(query.get("sslrootcert", "")))

    @property
    def key(self) -> str:
        """The keyring entry: user, host and port."""
        return f"{self.user}@{self.host}:{self.port}"

    def url(self, password: str | None) -> str:
        query: dict[str, str] = {"sslmode": self.sslmode}
        if self.ca_file:
            query["sslrootcert"] = self.ca_file
        socket = self.host.startswith("/")
        if socket:
            query["host"] = self.host
        url = URL.create("postgresql+psycopg", username=self.user, password=password or None,
                         host=None if socket else self.host, port=None if socket else self.port,
                         database=self.database, query=query)
        return url.render_as_string(hide_password=False)

    def shown(self) -> str:
        return normalise_url(self.url(None)).render_as_string(hide_password=True)


@dataclass(frozen=True)
class LoginProblem:
    code: str  # login.password / login.unreachable / login.tls / login.other
    detail: str  # libpq's words, with no password in them: for the log, not for a person


@dataclass(frozen=True)
class Facts:
    """What libpq knows of a failed login, with no words in it: whether the server
    answered (``PQping``, also without the TLS the person asked for) and whether it
    wanted a password."""

    answers: bool
    answers_without_tls: bool
    wanted_password: bool


def classify(facts: Facts, exc: BaseException | None = None,
             password: str | None = None) -> LoginProblem:
    """Why a connection attempt failed, for a person.

    Sorted by facts, never by the server's message, which follows the server's
    lc_messages (a Chinese server says 致命错误…). libpq keeps the SQLSTATE of a
    failed login to itself, so a wrong password and a disabled account (both after
    a password was sent) cannot be told apart, and a role that does not exist is
    not told apart from either, which is what the server means it to be.
    """
    text = str(exc) if exc is not None else ""
    if password:
        text = text.replace(password, "***")
    if not facts.answers:
        code = "login.tls" if facts.answers_without_tls else "login.unreachable"
    elif facts.wanted_password:
        code = "login.password"
    else:
        code = "login.other"  # refused before any password: pg_hba, a database not there…
    return LoginProblem(code, text)


def _answers(conninfo: str) -> bool:
    """Blocking: does a server there accept connections now (whether or not it
    would let this person in)? A server starting or stopping does not."""
    return psycopg.pq.PGconn.ping(conninfo.encode()) == psycopg.pq.Ping.OK


async def facts_of(target: Target, exc: psycopg.Error) -> Facts:
    conninfo = make_conninfo(libpq_conninfo(target.url(None)), connect_timeout=5)
    pgconn = exc.pgconn
    wanted = pgconn is not None and bool(pgconn.needs_password or pgconn.used_password)
    if target.sslmode == "prefer":
        answers = plain = await asyncio.to_thread(_answers, conninfo)
    else:  # both at once: a host that does not answer costs one timeout, not two
        answers, plain = await asyncio.gather(
            asyncio.to_thread(_answers, conninfo),
            asyncio.to_thread(_answers, make_conninfo(conninfo, sslmode="prefer",
                                                      sslrootcert="")))
    return Facts(answers, plain, wanted)


async def try_login(target: Target, password: str | None) -> LoginProblem | None:
    """Connect once as ``target.user``; None when it works. The password goes to
    psycopg as a keyword of its own, never inside the connection string."""
    libpq = LibpqTarget(libpq_conninfo(target.url(None)), password or None)
    try:
        conn = await libpq.connect_async(connect_timeout=5)
    except psycopg.Error as exc:  # whatever it is, the person gets an answer
        problem = classify(await facts_of(target, exc), exc, password)
        log.info("login as %s failed (%s): %s", target.user, problem.code, problem.detail)
        return problem
    await conn.close()
    return None


@dataclass(frozen=True)
class Remembered:
    password: str | None
    keyring_usable: bool


def recall(target: Target) -> Remembered:
    """The password kept for ``target``. Blocking, like ``remember`` and ``forget``
    (run them in a worker thread): keyring is imported here, and finds its backends on
    first use, which takes a few tenths of a second."""
    import keyring
    import keyring.errors

    try:
        return Remembered(keyring.get_password(SERVICE, target.key), True)
    except keyring.errors.KeyringError as exc:
        log.info("no usable keyring on this seat: %s", type(exc).__name__)
        return Remembered(None, False)


def remember(target: Target, password: str) -> bool:
    """Keep the password in the seat's keyring; False when the seat has none."""
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, target.key, password)
    except keyring.errors.KeyringError as exc:
        log.info("cannot keep the password: no usable keyring (%s)", type(exc).__name__)
        return False
    return True


def forget(target: Target) -> None:
    import keyring
    import keyring.errors

    # Nothing kept, or no keyring at all: then there is nothing to forget.
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, target.key)


def with_tls(target: Target, sslmode: str, ca_file: str) -> Target:
    if sslmode not in SSL_MODES:
        raise ValueError(sslmode)
    return replace(target, sslmode=sslmode, ca_file=ca_file)
