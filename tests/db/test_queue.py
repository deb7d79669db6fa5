"""Queue queries: filters and sorting done by the database."""

from console.casework import queue
from console.casework.queue import CaseFilter
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.hotline.intake import create_case
from tests.factories import draft, leaf


async def test_filters_and_sorting(store: Store, catalog: Catalog) -> None:
    road = leaf(catalog, "道路破损")
    cells = sorted(catalog.grid_cells.values(), key=lambda g: g.code)
    other_street = next(g for g in cells if g.street_code != cells[0].street_code)
    a = await create_case(store, catalog, draft(catalog, text="路面塌陷 100% 严重"))
    b = await create_case(store, catalog, draft(catalog, channel="web", caller_phone="",
                                                grid_code=other_street.code, text="噪音扰民"))
    c = await create_case(store, catalog, draft(catalog, category_id=leaf(catalog, "下水井盖").id,
                                                text="井盖_缺失"))

    async def ids(**kw: object) -> list:
        return (await queue.fetch_ids(store, CaseFilter(**kw))).ids  # type: ignore[arg-type]

    assert await ids() == [c.id, b.id, a.id]  # newest first
    assert await ids(sort_key="created_at", descending=False) == [a.id, b.id, c.id]
    assert await ids(channel="web") == [b.id]
    assert await ids(street_code=other_street.street_code) == [b.id]
    assert await ids(category_ids=tuple(catalog.subtree_ids(road.parent_id))) == [b.id, a.id]
    assert await ids(text="塌陷") == [a.id]
    assert await ids(text="100%") == [a.id]     # % is a character, not a wildcard
    assert await ids(text="_") == [c.id]        # so is _
    assert await ids(text=a.public_no) == [a.id]
    assert await ids(text="13812345678") == [c.id, a.id]
    assert await ids(statuses=("closed",)) == []


async def test_a_capped_list_reports_the_full_total(store: Store, catalog: Catalog) -> None:
    for _ in range(5):
        await create_case(store, catalog, draft(catalog))
    capped = await queue.fetch_ids(store, CaseFilter(), limit=3)
    assert (len(capped.ids), capped.total, capped.more) == (3, 5, True)
