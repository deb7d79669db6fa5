"""The seat's settings file as older versions left it, read through QSettings: the
adapter gives the schema bytes, lists and words as they were written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from console.casework.lifecycle import LEADER, OPERATOR
from console.seat_settings import (
    ALERT_KINDS,
    ALERT_SOUND,
    LANGUAGE,
    LAST_USER,
    LAYOUT_GEOMETRY,
    LAYOUT_STATE,
    SETTINGS_VERSION,
)
from widgets.shell.settings import ini_settings

# Written by a version with one layout for every role (layout/v6), and a seat that
# turned every alert off (QSettings writes an empty list as @Invalid()).
OLD_FILE = r"""[alerts]
kinds=@Invalid()
sound=true

[layout]
v6\geometry=@ByteArray(\x1\xd9\xd0\xcb\0\x3)
v6\state=@ByteArray(\0\0\0\xff\0\0\0\x6)

[login]
last_user=wang_admin

[ui]
language=en
"""


def test_a_file_of_an_older_version_is_read_and_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old-seat.ini"
    path.write_text(OLD_FILE, encoding="utf-8")
    settings = ini_settings(str(path))
    assert settings.get(LANGUAGE) == "en"
    assert settings.get(ALERT_KINDS) == ()
    assert settings.get(ALERT_SOUND) is True
    assert settings.get(LAST_USER) == "wang_admin"
    assert settings.get(LAYOUT_GEOMETRY, role=LEADER) == b"\x01\xd9\xd0\xcb\x00\x03"
    assert settings.get(LAYOUT_STATE, role=OPERATOR) is None
    settings.sync()
    written = path.read_text(encoding="utf-8")
    assert "v6" not in written
    assert f"version={SETTINGS_VERSION}" in written


def test_bytes_are_kept_as_bytes_not_as_a_python_object(tmp_path: Path) -> None:
    path = tmp_path / "seat.ini"
    settings = ini_settings(str(path))
    settings.set(LAYOUT_STATE, b"\x00\x01docks", role=OPERATOR)
    settings.sync()
    assert "@ByteArray(" in path.read_text(encoding="utf-8")
    stored = QSettings(str(path), QSettings.Format.IniFormat).value(
        LAYOUT_STATE.key_for(role=OPERATOR))
    assert stored == QByteArray(b"\x00\x01docks")
