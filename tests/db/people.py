"""People at the database: login roles in the hotline groups, raw connections as
them, and services acting as them (a service names the person logged in, as a
seat does: the database refuses any other name)."""

from __future__ import annotations

import uuid

import psycopg

from console.app import roles_of
from console.casework import cases
from console.catalog.catalog import load_catalog
from console.core.store import Store
from console.hotline.intake import create_case
from db.engine import libpq_conninfo, normalise_url
from tests.factories import draft


def login_of(url: str) -> str:
    return str(normalise_url(url).username)


def as_login(url: str, login: str) -> str:
    """``url`` logging in as ``login``."""
    return normalise_url(url).set(username=login).render_as_string(hide_password=False)


def raw(url: str) -> psycopg.Connection:
    return psycopg.connect(libpq_conninfo(url), autocommit=True)


async def person(url: str) -> Store:
    """A store acting as the URL's login, with its groups read from the database."""
    store = Store(url, login_of(url))
    store.roles = await roles_of(store)
    return store


async def a_case(url: str, **kw: object) -> uuid.UUID:
    store = await person(url)
    try:
        catalog = await load_catalog(store)
        return (await create_case(store, catalog, draft(catalog, **kw))).id
    finally:
        await store.close()


async def moves(url: str, case_id: uuid.UUID, *steps: tuple[str, dict[str, object]]) -> None:
    """Move a case step by step as the person ``url`` logs in as (action, facts)."""
    store = await person(url)
    try:
        for action, facts in steps:
            await cases.perform(store, case_id, action, None, **facts)
    finally:
        await store.close()
