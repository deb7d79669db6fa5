"""The seat's settings kept by QSettings: the thin adapter under the schema of
console/seat_settings.py, which says every key, its type, default and migration."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from console.seat_settings import SeatSettings


class QtStorage:
    """QSettings as the schema's ``Storage``: bytes go in and come out as bytes (a
    Python bytes object handed to QSettings would be pickled, not stored as bytes)."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def all_keys(self) -> list[str]:
        return list(self.qsettings.allKeys())

    def has(self, key: str) -> bool:
        return self.qsettings.contains(key)

    def get(self, key: str) -> object:
        value = self.qsettings.value(key)
        return value.data() if isinstance(value, QByteArray) else value

    def put(self, key: str, value: object) -> None:
        if isinstance(value, bytes | bytearray):
            value = QByteArray(bytes(value))
        self.qsettings.setValue(key, value)

    def remove(self, key: str) -> None:
        self.qsettings.remove(key)

    def sync(self) -> None:
        self.qsettings.sync()


def seat_settings(settings: QSettings | None = None) -> SeatSettings:
    """The seat's settings (the application's own QSettings unless given), brought up
    to this version."""
    return SeatSettings.open(QtStorage(settings if settings is not None else QSettings()))


def ini_settings(path: str) -> SeatSettings:
    """Settings kept in an INI file of their own (a second seat on one machine, tests)."""
    return seat_settings(QSettings(path, QSettings.Format.IniFormat))
