"""Where a seat keeps database passwords: nowhere but the keyring, and only when
the person asks (see console/accounts/login.py)."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import make_url

from db.engine import normalise_url

SERVICE = "hotline-console"


def user_of(url: str) -> str | None:
    return make_url(url).username


def login_role(url: str) -> str:
    """The role the seat logs in as: the URL's user, else libpq's default (PGUSER,
    else the name of the OS account)."""
    return user_of(url) or os.environ.get("PGUSER") or getpass.getuser()


def describe(url: str) -> str:
    """The URL without its password, for prompts and logs."""
    return normalise_url(url).render_as_string(hide_password=True)
