import itertools
import os
from collections.abc import AsyncIterator, Callable, Iterator

import psycopg
import pytest

from console.catalog.catalog import Catalog, load_catalog
from console.core.store import Store
from db.engine import libpq_conninfo, normalise_url

_names = itertools.count()
MakeLogin = Callable[..., str]


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    store = Store(database_url, "op_test")
    try:
        yield store
    finally:
        await store.close()


@pytest.fixture
async def catalog(store: Store) -> Catalog:
    return await load_catalog(store)


@pytest.fixture
def login_as(database_url: str, admin_url: str) -> Iterator[MakeLogin]:
    """Make a staff login role in the given groups (as a superuser would, without
    the timeouts the console's accounts get); returns a URL that logs in as it."""
    made: list[str] = []

    def make(*groups: str, can_login: bool = True) -> str:
        name = f"hc_t_{os.getpid()}_{next(_names)}"
        members = ", ".join(f"hotline_{g}" for g in groups)
        with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {name} {'LOGIN' if can_login else 'NOLOGIN'}"
                         + (f" IN ROLE {members}" if groups else ""))
        made.append(name)
        return normalise_url(database_url).set(username=name).render_as_string(
            hide_password=False)

    yield make
    with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as conn:
        for name in made:
            conn.execute(f"DROP ROLE IF EXISTS {name}")
