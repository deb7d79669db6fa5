from collections.abc import AsyncIterator

import pytest

from console.catalog import Catalog, load_catalog
from console.store import Store


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
