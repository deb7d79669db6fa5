"""The board's at-risk cases as a table kept in the ladder's order (deadline, id):
a load appends page after page, and a re-read of the cases some events named moves,
repaints, adds or removes only those rows, so selection and scroll stay."""

from __future__ import annotations

import uuid
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QColor

from console.supervision.board import BoardCase, Key, sort_key
from widgets.common.tables import RecordTableModel


class BoardCasesModel(RecordTableModel):
    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], str]]],
                 colour: Callable[[Any], QColor | None], parent: QObject | None = None) -> None:
        super().__init__(columns, colour, parent)
        self._keys: list[Key] = []
        self._key_of: dict[uuid.UUID, Key] = {}

    def set_rows(self, rows: Sequence[BoardCase]) -> None:
        ordered = sorted(rows, key=sort_key)
        self._keys = [sort_key(c) for c in ordered]
        self._key_of = {c.id: k for c, k in zip(ordered, self._keys, strict=True)}
        super().set_rows(ordered)

    def row_of(self, case_id: uuid.UUID) -> int | None:
        key = self._key_of.get(case_id)
        return None if key is None else bisect_left(self._keys, key)

    def append(self, page: Sequence[BoardCase]) -> None:
        """The next page of a load: at the end when it sorts after every row, else
        each case put in place."""
        fresh = [c for c in page if c.id not in self._key_of]
        behind = bool(fresh and self._keys and sort_key(fresh[0]) <= self._keys[-1])
        if len(fresh) < len(page) or behind:
            self.merge(page, ())
            return
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows += fresh
        self._keys += [sort_key(c) for c in fresh]
        self._key_of.update((c.id, sort_key(c)) for c in fresh)
        self.endInsertRows()

    def merge(self, present: Iterable[BoardCase], gone: Iterable[uuid.UUID]) -> None:
        """Cases re-read: ``present`` shown as read now, ``gone`` no longer listed."""
        for case_id in gone:
            self._remove(case_id)
        for case in present:
            row = self.row_of(case.id)
            if row is not None and self._keys[row] == sort_key(case):
                self.replace_row(row, case)
                continue
            self._remove(case.id)
            key = sort_key(case)
            at = bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, case)
            self._keys.insert(at, key)
            self._key_of[case.id] = key
            self.endInsertRows()

    def _remove(self, case_id: uuid.UUID) -> None:
        row = self.row_of(case_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row], self._keys[row], self._key_of[case_id]
        self.endRemoveRows()
