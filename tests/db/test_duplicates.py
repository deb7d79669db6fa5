"""Possible duplicates at intake, and recording a call as one."""

import uuid

from console.casework import cases
from console.catalog.catalog import Catalog
from console.core.store import Store
from console.hotline import duplicates
from console.hotline.intake import create_case
from tests.factories import draft


def manual(catalog: Catalog, index: int = 0) -> int:
    return [c.id for c in sorted(catalog.categories.values(), key=lambda c: c.code)
            if c.is_leaf and not c.auto_dispatch][index]


async def test_candidates_by_caller_place_and_text(store: Store, catalog: Catalog) -> None:
    cells = sorted(catalog.grid_cells.values(), key=lambda g: g.code)
    same_caller = await create_case(store, catalog, draft(
        catalog, category_id=manual(catalog), text="小区电梯经常停运，老人上下楼困难"))
    same_place = await create_case(store, catalog, draft(
        catalog, caller_phone="13900002222", category_id=manual(catalog, 1),
        grid_code=cells[5].code, text="门口垃圾桶满了没人清"))
    similar = await create_case(store, catalog, draft(
        catalog, caller_phone="13700003333", category_id=manual(catalog, 2),
        grid_code=cells[6].code, text="坑梓大道100号路面破损，有坑洼，车辆经过颠簸"))
    await create_case(store, catalog, draft(catalog, caller_phone="13600004444",
                                            category_id=manual(catalog, 3),
                                            text="晚上十点以后施工噪音很大"))

    by_caller = await duplicates.candidates(store, duplicates.Probe(phone_e164="+8613812345678"))
    assert [c.id for c in by_caller] == [same_caller.id]
    assert by_caller[0].reasons == ("caller",)

    by_place = await duplicates.candidates(store, duplicates.Probe(
        grid_code=cells[5].code, category_id=manual(catalog, 1)))
    assert [c.id for c in by_place] == [same_place.id]

    by_text = await duplicates.candidates(store, duplicates.Probe(
        street_code=cells[6].street_code, text="坑梓大道一百号附近路面有个大坑，车子颠簸"))
    assert [c.id for c in by_text] == [similar.id]
    assert by_text[0].reasons == ("text",) and by_text[0].score >= duplicates.TEXT_SIMILARITY

    assert await duplicates.candidates(store, duplicates.Probe(
        street_code=cells[6].street_code, text="完全无关的咨询：社保怎么转移")) == []


async def test_recording_a_duplicate_merges_it_in_one_go(store: Store, catalog: Catalog) -> None:
    store.roles = frozenset({"operator"})
    master = await create_case(store, catalog, draft(catalog, category_id=manual(catalog)))
    again = draft(catalog, category_id=manual(catalog), text="同一问题再次来电")
    made = await duplicates.record_as_duplicate(store, catalog, again, master.id)
    kinds = [e.kind for e in await cases.timeline(store, made.id)]
    assert kinds == ["created", "merge"]
    assert (await duplicates.record_as_duplicate(store, catalog, again, master.id)).created is False
    found = await duplicates.candidates(store, duplicates.Probe(phone_e164="+8613812345678"))
    assert [c.id for c in found] == [master.id]  # the merged one is no longer open
    assert uuid.UUID(str(made.id)) == again.id
