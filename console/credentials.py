"""Database passwords: never in files. keyring holds them where the seat has
one; otherwise the console asks. Headless seats have keyring's fail backend,
whose lookups raise ``KeyringError``: that means "ask"."""

from __future__ import annotations

import logging
from collections.abc import Callable

import keyring
import keyring.errors
import psycopg
from sqlalchemy import make_url

from db.engine import libpq_conninfo, normalise_url

log = logging.getLogger(__name__)
SERVICE = "hotline-console"


def key_for(url: str) -> str:
    u = make_url(url)
    return f"{u.host or 'localhost'}:{u.port or 5432}"


def user_of(url: str) -> str | None:
    return make_url(url).username


def describe(url: str) -> str:
    """The URL without its password, for prompts and logs."""
    return normalise_url(url).render_as_string(hide_password=True)


def stored_password(url: str) -> str | None:
    user = user_of(url)
    if not user:
        return None
    try:
        return keyring.get_password(SERVICE, f"{user}@{key_for(url)}")
    except keyring.errors.KeyringError as exc:
        log.info("no usable keyring on this seat (%s); the password will be asked", exc)
        return None


def _needs_password(url: str) -> bool:
    try:
        with psycopg.connect(libpq_conninfo(url), connect_timeout=5):
            return False
    except psycopg.OperationalError as exc:
        message = str(exc).lower()
        return "password" in message and ("no password" in message or "authentication" in message)


def resolve(url: str, ask: Callable[[str], str | None]) -> str:
    """Return a URL that can connect: as given, with the keyring's password, or asked."""
    if make_url(url).password is not None or not _needs_password(url):
        return url
    password = stored_password(url) or ask(url)
    if password is None:
        return url  # the connection will fail and say so
    return normalise_url(url).set(password=password).render_as_string(hide_password=False)
