"""Where a seat keeps database passwords: nowhere but the keyring, and only when
the person asks (see console/login.py)."""

from __future__ import annotations

from sqlalchemy import make_url

from db.engine import normalise_url

SERVICE = "hotline-console"


def user_of(url: str) -> str | None:
    return make_url(url).username


def describe(url: str) -> str:
    """The URL without its password, for prompts and logs."""
    return normalise_url(url).render_as_string(hide_password=True)
