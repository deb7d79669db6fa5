"""Right against real data (issue 15) through console/stats: the 10,000 real Pingshan
events of 2018, imported as an admin imports them, give by the statistics' own
functions the channel, nature, street and category shares, and the on-time rate
overall, by channel, by street and by unit, exactly as plain Python over the CSV
does (the export's own flags are the truth)."""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter

from console.core.clock import CENTRE_TZ
from console.history_import import builtin
from console.stats import intake, outcomes
from console.stats.dimensions import By
from console.stats.figures import Count, Share
from console.stats.scope import Scope
from tests.db.conftest import MakeLogin
from tests.db.import_fixture import import_all
from tests.db.people import person
from tests.db.test_history_import_real import (  # the CSV's words, written out there
    CHANNELS,
    CSV,
    NATURES,
    _expected,
    _rates,
    _verdict,
    pytestmark,
)

YEAR = Scope(dt.datetime(2018, 1, 1, tzinfo=CENTRE_TZ), dt.datetime(2019, 1, 1, tzinfo=CENTRE_TZ))
__all__ = ["pytestmark"]  # skipped, saying why, where the CSV is absent


def _name(raw: str) -> str:
    """The export's category words as a person reads them: entities decoded, spaces and a
    trailing list mark ("悬挂横幅标语、") dropped."""
    return " ".join(html.unescape(raw).split()).rstrip("、，,;；")


def _by_name(figures: list[Count]) -> Counter[str]:
    return Counter({f.name: f.value for f in figures})


def _rates_by(figures: list[Share], names: bool = False) -> dict[str, tuple[int, int]]:
    return {(f.name if names else f.key): (f.done, f.of) for f in figures}


async def test_the_statistics_of_the_real_events_are_the_exports(
        login_as: MakeLogin) -> None:
    kept, _ = _expected()
    admin = await person(login_as("admin"))
    try:
        await import_all(admin, CSV, builtin.PINGSHAN_2018)
    finally:
        await admin.close()
    store = await person(login_as("supervisor"))
    try:
        total = len(kept)
        counted = {c.key: c.value for c in await intake.intake(store, YEAR, By.CHANNEL)}
        assert counted == Counter(CHANNELS[r["EVENT_SRC_NAME"]] for r in kept)
        assert sum(counted.values()) == total == 9_990
        assert {c.key: c.value for c in await intake.intake(store, YEAR, By.NATURE)} == Counter(
            NATURES[r["EVENT_PROPERTY_NAME"]] for r in kept)
        assert _by_name(await intake.intake(store, YEAR, By.STREET)) == Counter(
            r["STREET_NAME"] for r in kept)
        assert _by_name(await intake.intake(store, YEAR, By.CATEGORY_1)) == Counter(
            html.unescape(r["EVENT_TYPE_NAME"]).strip() for r in kept)
        for by, column in ((By.CATEGORY_2, "MAIN_TYPE_NAME"), (By.CATEGORY_3, "SUB_TYPE_NAME")):
            # the names below level 1 repeat under other parents: the shares, largest first
            wanted = Counter(tuple(_name(r[c]) for c in ("EVENT_TYPE_NAME", "MAIN_TYPE_NAME",
                                                          column)) for r in kept)
            assert [c.value for c in await intake.intake(store, YEAR, by)] == sorted(
                wanted.values(), reverse=True)

        [overall] = await outcomes.on_time(store, YEAR)
        assert {"all": (overall.done, overall.of)} == _rates(("all", _verdict(r)) for r in kept)
        assert (overall.done, overall.of) == (9_062, 9_985)  # 90.75 %
        assert _rates_by(await outcomes.on_time(store, YEAR, By.CHANNEL)) == _rates(
            (CHANNELS[r["EVENT_SRC_NAME"]], _verdict(r)) for r in kept)
        assert _rates_by(await outcomes.on_time(store, YEAR, By.STREET), names=True) == _rates(
            (r["STREET_NAME"], _verdict(r)) for r in kept)
        by_unit = await outcomes.on_time(store, YEAR, By.UNIT)
        assert _rates_by([u for u in by_unit if u.key], names=True) == _rates(
            (r["DISPOSE_UNIT_NAME"], _verdict(r)) for r in kept if r["DISPOSE_UNIT_NAME"] != "-")
        assert _rates_by([u for u in by_unit if not u.key]) == _rates(
            ("", _verdict(r)) for r in kept if r["DISPOSE_UNIT_NAME"] == "-")
        # a filter narrows the same definitions: one street's channels
        street = next(f for f in await intake.intake(store, YEAR, By.STREET) if f.name)
        one = Scope(YEAR.start, YEAR.end, street_code=street.key)
        assert _rates_by(await outcomes.on_time(store, one, By.CHANNEL)) == _rates(
            (CHANNELS[r["EVENT_SRC_NAME"]], _verdict(r)) for r in kept
            if r["STREET_NAME"] == street.name)
    finally:
        await store.close()
