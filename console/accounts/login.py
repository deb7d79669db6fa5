"""Logging in to a shared server as oneself: the connection's facts, why a login
failed in words a person can act on, and the opt-in keyring memory.

The password lives only in memory (and in the seat's keyring when the person
asks for that); it is never written to a file, a log or an error message.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, replace

import keyring
import keyring.errors
import psycopg
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
    code: str  # login.password / login.disabled / login.unreachable / login.tls / login.other
    detail: str  # the server's words, with no password in them


def classify(exc: BaseException, password: str | None = None) -> LoginProblem:
    """Why a connection attempt failed, for a person."""
    text = str(exc)
    if password:
        text = text.replace(password, "***")
    lower = text.lower()
    if "password authentication failed" in lower or "no password supplied" in lower:
        code = "login.password"
    elif "not permitted to log in" in lower:
        code = "login.disabled"
    elif any(w in lower for w in ("ssl", "certificate", "tls")):
        code = "login.tls"
    elif any(w in lower for w in ("connection refused", "timeout", "timed out",
                                  "could not translate host", "no route", "unreachable",
                                  "name or service not known", "could not connect")):
        code = "login.unreachable"
    elif "does not exist" in lower and "role" in lower:
        code = "login.password"  # do not tell a stranger which user names exist
    else:
        code = "login.other"
    return LoginProblem(code, text)


async def try_login(target: Target, password: str | None) -> LoginProblem | None:
    """Connect once as ``target.user``; None when it works. The password goes to
    psycopg as a keyword of its own, never inside the connection string."""
    libpq = LibpqTarget(libpq_conninfo(target.url(None)), password or None)
    try:
        conn = await libpq.connect_async(connect_timeout=5)
    except psycopg.Error as exc:  # whatever it is, the person gets an answer
        return classify(exc, password)
    await conn.close()
    return None


@dataclass(frozen=True)
class Remembered:
    password: str | None
    keyring_usable: bool


def recall(target: Target) -> Remembered:
    try:
        return Remembered(keyring.get_password(SERVICE, target.key), True)
    except keyring.errors.KeyringError as exc:
        log.info("no usable keyring on this seat: %s", type(exc).__name__)
        return Remembered(None, False)


def remember(target: Target, password: str) -> bool:
    """Keep the password in the seat's keyring; False when the seat has none."""
    try:
        keyring.set_password(SERVICE, target.key, password)
    except keyring.errors.KeyringError as exc:
        log.info("cannot keep the password: no usable keyring (%s)", type(exc).__name__)
        return False
    return True


def forget(target: Target) -> None:
    # Nothing kept, or no keyring at all: then there is nothing to forget.
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, target.key)


def with_tls(target: Target, sslmode: str, ca_file: str) -> Target:
    if sslmode not in SSL_MODES:
        raise ValueError(sslmode)
    return replace(target, sslmode=sslmode, ca_file=ca_file)
