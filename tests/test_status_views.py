"""The status sets people look at cases by follow the state machine."""

from console.casework.lifecycle import ACTIONS, OPEN, allowed
from console.casework.status_views import (
    AWAITING_CALLBACK,
    CAME_BACK,
    STATUS_VIEWS,
    WAITING_FOR_DISPATCH,
)
from db.schema import CASE_STATUSES

CENTRE = frozenset({"dispatcher", "shift_leader"})
TO_A_UNIT = {"dispatch", "settle"}


def test_waiting_for_dispatch_is_every_status_a_case_goes_to_a_unit_from() -> None:
    assert WAITING_FOR_DISPATCH == ("accepted", "returned", "disputed")
    for status in CASE_STATUSES:
        sends = TO_A_UNIT & set(allowed(status, CENTRE))
        assert bool(sends) == (status in WAITING_FOR_DISPATCH), status


def test_cases_that_came_back_from_a_unit_wait_at_the_centre() -> None:
    came_back = CAME_BACK
    assert came_back == {"returned", "disputed"}
    assert came_back < set(WAITING_FOR_DISPATCH) and came_back < OPEN
    assert came_back == {ACTIONS["return"].target, ACTIONS["dispute"].target}


def test_awaiting_callback_is_where_the_callback_starts() -> None:
    assert AWAITING_CALLBACK == ("resolved",)
    assert all("callback_closed" in allowed(s, frozenset({"operator"}))
               for s in AWAITING_CALLBACK)


def test_the_queue_offers_its_views_then_every_status_once() -> None:
    keys = [view.key for view in STATUS_VIEWS]
    assert keys[:4] == ["open", "waiting_for_dispatch", "awaiting_callback", "all"]
    assert keys[4:] == list(CASE_STATUSES)
    assert len(set(keys)) == len(keys)
    by_key = {view.key: view.statuses for view in STATUS_VIEWS}
    assert set(by_key["open"] or ()) == OPEN and by_key["all"] is None
    assert all(by_key[s] == (s,) for s in CASE_STATUSES)
