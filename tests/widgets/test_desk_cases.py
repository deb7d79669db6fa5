"""The unit desk's list re-reads only the cases events named: each moves, changes,
comes or goes in place (no reset), in the order the database lists them, and the
list stays within its length."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from console.units.work import UnitCase, listed_order
from widgets.units.desk_cases import DeskCasesModel

T0 = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)


def case(no: str, hours: float | None, status: str = "in_progress",
         case_id: uuid.UUID | None = None) -> UnitCase:
    due = None if hours is None else T0 + dt.timedelta(hours=hours)
    return UnitCase(case_id or uuid.uuid4(), no, status, 1, 1, "B", "诉求", "地址", T0, None,
                    due, None)


def model(rows: list[UnitCase]) -> DeskCasesModel:
    made = DeskCasesModel([("编号", lambda c: c.public_no)])
    made.set_rows(sorted(rows, key=listed_order))
    return made


def numbers(m: DeskCasesModel) -> list[str]:
    return [c.public_no for c in m.cases]


def test_the_order_is_the_databases() -> None:
    rows = [case("4", None), case("3", 5), case("2", 1), case("1", 9, "dispatched")]
    assert numbers(model(rows)) == ["1", "2", "3", "4"]  # to sign first; no deadline last


def test_named_cases_change_move_come_and_go_in_place(qtmodeltester: Any) -> None:
    a, b, c = case("A", 1), case("B", 2), case("C", 3)
    m = model([a, b, c])
    qtmodeltester.check(m)
    resets: list[bool] = []
    m.modelReset.connect(lambda: resets.append(True))
    changed = UnitCase(
        b.id, "B", "in_progress", 2, 1, "A", "新诉求", "地址", T0, None, b.due_at, None)
    m.merge([changed], {b.id})
    assert numbers(m) == ["A", "B", "C"] and m.cases[1].version == 2
    later = case("A", 5, case_id=a.id)
    new = case("D", 0.5)
    m.merge([later, new], {a.id, new.id, c.id})  # C is no longer the unit's
    assert numbers(m) == ["D", "B", "A"]
    m.merge([], {uuid.uuid4()})  # a case of another unit: nothing moves
    assert numbers(m) == ["D", "B", "A"]
    assert not resets
    qtmodeltester.check(m)


def test_the_list_keeps_its_length() -> None:
    m = model([case("A", 1), case("B", 2)])
    early, late = case("E", 0.5), case("L", 9)
    m.merge([early, late], {early.id, late.id}, limit=2)
    assert numbers(m) == ["E", "A"]
