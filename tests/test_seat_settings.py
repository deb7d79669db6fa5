"""The seat's settings schema: every value an older version wrote is read or moved
the way the schema says (console/seat_settings.py), without Qt."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from console.casework.lifecycle import DISPATCHER, LEADER, OPERATOR, SUPERVISOR
from console.seat_settings import (
    ALERT_KINDS,
    ALERT_SOUND,
    LANGUAGE,
    LAST_USER,
    LAYOUT_GEOMETRY,
    LAYOUT_STATE,
    LAYOUT_VERSION,
    SCHEMA,
    SETTINGS_VERSION,
    VERSION,
    SeatSettings,
)
from console.supervision.alerts import KINDS

ROLES = (SUPERVISOR, LEADER, DISPATCHER, OPERATOR)


class DictStorage(dict[str, Any]):
    """A settings file in memory."""

    def all_keys(self) -> list[str]:
        return list(self)

    def has(self, key: str) -> bool:
        return key in self

    def put(self, key: str, value: object) -> None:
        self[key] = value

    def remove(self, key: str) -> None:
        self.pop(key, None)

    def sync(self) -> None:
        pass


def opened(**stored: Any) -> tuple[SeatSettings, DictStorage]:
    storage = DictStorage({k.replace("__", "/"): v for k, v in stored.items()})
    return SeatSettings.open(storage), storage


def test_a_new_seat_has_every_default_and_is_marked_current() -> None:
    settings, storage = opened()
    assert settings.get(LANGUAGE) == "zh_CN"
    assert settings.get(LAST_USER) == ""
    assert settings.get(ALERT_KINDS) == tuple(KINDS)
    assert settings.get(ALERT_SOUND) is False
    assert settings.get(LAYOUT_STATE, role=OPERATOR) is None
    assert storage == {"settings/version": SETTINGS_VERSION}


def test_the_schema_says_each_setting_once() -> None:
    keys = [s.key for s in SCHEMA]
    assert len(keys) == len(set(keys))
    assert all(1 <= s.since <= SETTINGS_VERSION and s.doc for s in SCHEMA)
    assert LAYOUT_STATE.key_for(role=LEADER) == f"layout/v{LAYOUT_VERSION}/shift_leader/state"


def test_one_layout_for_every_role_gives_each_role_its_window_place_and_drops_its_docks(
        ) -> None:
    """Versions 1 (layout/v1 … v6) kept one layout for all roles; its dock state was
    saved for other docks (Qt refuses it), its window geometry still holds."""
    _settings, storage = opened(**{"layout/v6/geometry": b"geometry-v6",
                                   "layout/v6/state": b"docks-v6",
                                   "layout/v3/geometry": b"geometry-v3",
                                   "layout/v3/state": b"docks-v3"})
    settings = SeatSettings(storage)
    for role in ROLES:
        assert settings.get(LAYOUT_GEOMETRY, role=role) == b"geometry-v6"  # the newest
        assert settings.get(LAYOUT_STATE, role=role) is None
    assert not [k for k in storage if k.startswith(("layout/v6", "layout/v3"))]


def test_a_role_keeps_its_own_layout_over_an_old_one() -> None:
    current = f"layout/v{LAYOUT_VERSION}/{DISPATCHER}"
    settings, storage = opened(**{"layout/v6/geometry": b"old",
                                  f"{current}/geometry": b"mine",
                                  f"{current}/state": b"my docks"})
    assert settings.get(LAYOUT_GEOMETRY, role=DISPATCHER) == b"mine"
    assert settings.get(LAYOUT_STATE, role=DISPATCHER) == b"my docks"
    assert settings.get(LAYOUT_GEOMETRY, role=OPERATOR) == b"old"


def test_a_layout_per_role_of_an_older_dock_set_moves_to_the_same_role_only() -> None:
    """What raising LAYOUT_VERSION does to the layouts saved per role before it."""
    old = f"layout/v{LAYOUT_VERSION - 1}/{LEADER}"
    settings, storage = opened(**{f"{old}/geometry": b"leader's", f"{old}/state": b"x",
                                  "layout/v2/nobody/geometry": b"not a role"})
    assert settings.get(LAYOUT_GEOMETRY, role=LEADER) == b"leader's"
    assert settings.get(LAYOUT_GEOMETRY, role=OPERATOR) is None
    assert not [k for k in storage if k.startswith(("layout/v2", old))]


@pytest.mark.parametrize(("stored", "read"), [
    ("en", "en"), ("zh_CN", "zh_CN"), ("en_US", "en"), ("en-GB", "en"), ("zh", "zh_CN"),
    ("zh-CN", "zh_CN"), ("zh_Hans_CN", "zh_CN"), ("EN_us.UTF-8", "en"),
])
def test_a_language_written_as_a_locale_name_is_read_and_kept_as_ours(
        stored: str, read: str) -> None:
    settings, storage = opened(ui__language=stored)
    assert settings.get(LANGUAGE) == read
    assert storage["ui/language"] == read


@pytest.mark.expected_log(r"setting ui/language: 'fr_FR' is not a language")
def test_a_language_we_do_not_have_gives_way_to_chinese_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    settings, storage = opened(ui__language="fr_FR")
    assert settings.get(LANGUAGE) == "zh_CN"
    assert "ui/language" not in storage
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


@pytest.mark.parametrize(("stored", "kinds"), [
    (None, ()),                       # an empty list: QSettings reads it back as nothing
    ("overdue", ("overdue",)),        # a list of one: QSettings reads it back as its item
    (["new_a_class", "reply_due"], ("new_a_class", "reply_due")),
])
def test_the_alerts_a_seat_chose_are_read_as_chosen(stored: object,
                                                   kinds: tuple[str, ...]) -> None:
    settings, _storage = opened(alerts__kinds=stored)
    assert settings.get(ALERT_KINDS) == kinds


@pytest.mark.parametrize(("stored", "on"), [("true", True), ("false", False), (True, True)])
def test_the_sound_kept_as_a_word_is_a_flag(stored: object, on: bool) -> None:
    settings, storage = opened(alerts__sound=stored)
    assert settings.get(ALERT_SOUND) is on
    assert storage["alerts/sound"] is on


def test_settings_brought_up_to_date_are_not_moved_again() -> None:
    storage = DictStorage({"settings/version": SETTINGS_VERSION, "layout/v6/geometry": b"g"})
    settings = SeatSettings.open(storage)
    assert settings.get(LAYOUT_GEOMETRY, role=OPERATOR) is None
    assert storage["layout/v6/geometry"] == b"g"


def test_settings_of_a_newer_version_are_read_as_they_are() -> None:
    storage = DictStorage({"settings/version": SETTINGS_VERSION + 1,
                           "layout/v6/geometry": b"g", "ui/language": "en"})
    settings = SeatSettings.open(storage)
    assert settings.get(VERSION) == SETTINGS_VERSION + 1
    assert settings.get(LANGUAGE) == "en"
    assert "layout/v6/geometry" in storage


@pytest.mark.expected_log(r"setting alerts/sound: 'perhaps' is not a bool")
def test_a_value_that_cannot_be_read_gives_its_default_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    settings = SeatSettings(DictStorage({"alerts/sound": "perhaps"}))
    assert settings.get(ALERT_SOUND) is False
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


def test_what_is_set_is_read_back() -> None:
    settings, storage = opened()
    settings.set(ALERT_KINDS, ())
    settings.set(LAST_USER, "wang")
    settings.set(LAYOUT_STATE, b"docks", role=SUPERVISOR)
    assert settings.get(ALERT_KINDS) == ()
    assert settings.get(LAST_USER) == "wang"
    assert settings.get(LAYOUT_STATE, role=SUPERVISOR) == b"docks"
    settings.set(LAYOUT_STATE, None, role=SUPERVISOR)
    assert f"layout/v{LAYOUT_VERSION}/supervisor/state" not in storage
