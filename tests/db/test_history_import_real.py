"""Right against real data (issue 15): the 10,000 real Pingshan events of 2018, imported
as an admin imports them, give the same counts by channel, nature, street and top-level
category, and the same on-time rates overall and by channel, street and unit, as a
plain computation over the CSV (the export's own flags are the truth). The 10 rows
without a street are not importable, here and there alike."""

from __future__ import annotations

import csv
import html
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from sqlalchemy import text

from console.core.store import Store
from console.history_import import builtin
from tests.db.conftest import MakeLogin
from tests.db.import_fixture import import_all
from tests.db.people import person

CSV = (Path(__file__).resolve().parents[3] / "shared" / "data" / "pingshan-events"
       / "pingshan_events_2018.csv")
pytestmark = pytest.mark.skipif(
    not CSV.exists(), reason="the real Pingshan events are not beside the checkout "
    "(../shared/data/pingshan-events/pingshan_events_2018.csv): nothing to check against")

# Written out here, not taken from the product: the channel and nature words of the export.
CHANNELS = {"@坪山": "wechat", "美丽深圳": "app", "12345": "phone_12345",
            "12319": "hotline_12319", "政府信箱": "mailbox", "固话投诉": "landline"}
NATURES = {"投诉": "complaint", "咨询": "consultation", "建议": "suggestion", "求决": "request",
           "感谢": "thanks", "其他": "other", "-": "other"}
Rate = tuple[int, int]  # on time, of those with a verdict


def _expected() -> tuple[list[dict[str, str]], list[str]]:
    """The rows an import keeps (a street is required) and the ids of the others."""
    with CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 10_000
    return ([r for r in rows if r["STREET_NAME"] != "-"],
            [r["REC_ID"] for r in rows if r["STREET_NAME"] == "-"])


def _verdict(row: dict[str, str]) -> bool | None:
    if row["INTIME_ARCHIVE_NUM"] == "1":
        return True
    return False if row["OVERTIME_ARCHIVE_NUM"] == "1" else None


def _rates(pairs: Iterable[tuple[str, bool | None]]) -> dict[str, Rate]:
    on, known = Counter[str](), Counter[str]()
    for key, verdict in pairs:
        if verdict is not None:
            known[key] += 1
            on[key] += verdict
    return {key: (on[key], known[key]) for key in known}


async def _figures(store: Store, group: str, joins: str = "") -> dict[str, tuple[int, int, int]]:
    """key -> (cases, on time, with a verdict) of the imported cases."""
    async with store.read() as conn:
        rows = await conn.execute(text(
            f'SELECT {group} AS k, count(*), count(*) FILTER (WHERE c.imported_on_time),'
            f" count(c.imported_on_time) FROM \"case\" c {joins}"
            " WHERE c.imported_from = 'pingshan-2018' GROUP BY 1"))
        return {str(r[0]): (r[1], r[2], r[3]) for r in rows}


def _counts(figures: dict[str, tuple[int, int, int]]) -> dict[str, int]:
    return {k: v[0] for k, v in figures.items()}


def _on_time(figures: dict[str, tuple[int, int, int]]) -> dict[str, Rate]:
    return {k: (v[1], v[2]) for k, v in figures.items() if v[2]}


async def test_the_real_events_count_as_the_export_says(store: Store, login_as: MakeLogin
                                                         ) -> None:
    kept, refused = _expected()
    admin = await person(login_as("admin"))
    try:
        preview, result = await import_all(admin, CSV, builtin.PINGSHAN_2018)
    finally:
        await admin.close()
    assert result.imported == len(kept) == 9_990
    assert {p.error.code for p in result.problems} == {"import.missing"}
    by_line = {p.line for p in result.problems}
    with CSV.open(encoding="utf-8", newline="") as f:
        ids = {i + 2: r["REC_ID"] for i, r in enumerate(csv.DictReader(f))}
    assert sorted(ids[line] for line in by_line) == sorted(refused)
    assert {u.kind for u in preview.unknowns} == {"unit"}  # channels, places, tree: known

    channel = await _figures(store, "c.channel")
    assert _counts(channel) == Counter(CHANNELS[r["EVENT_SRC_NAME"]] for r in kept)
    nature = await _figures(store, "c.nature")
    assert _counts(nature) == Counter(NATURES[r["EVENT_PROPERTY_NAME"]] for r in kept)
    street = await _figures(store, "s.name", "JOIN street s ON s.code = c.street_code")
    assert _counts(street) == Counter(r["STREET_NAME"] for r in kept)
    top = await _figures(store, "k1.name", "JOIN category k3 ON k3.id = c.category_id"
                         " JOIN category k2 ON k2.id = k3.parent_id"
                         " JOIN category k1 ON k1.id = k2.parent_id")
    assert _counts(top) == Counter(html.unescape(r["EVENT_TYPE_NAME"]).strip() for r in kept)

    overall = await _figures(store, "'all'")
    assert _on_time(overall) == _rates(("all", _verdict(r)) for r in kept)
    assert _on_time(overall)["all"] == (9_062, 9_985)  # 90.75 %; 5 rows carry no verdict
    assert _on_time(channel) == _rates((CHANNELS[r["EVENT_SRC_NAME"]], _verdict(r))
                                       for r in kept)
    assert _on_time(street) == _rates((r["STREET_NAME"], _verdict(r)) for r in kept)
    unit = await _figures(store, "u.name", "JOIN unit u ON u.id = c.assigned_unit_id")
    assert _on_time(unit) == _rates((r["DISPOSE_UNIT_NAME"], _verdict(r)) for r in kept
                                    if r["DISPOSE_UNIT_NAME"] != "-")
    assert len(unit) == 155  # the export's 156 disposing units but "-"
