"""The unit desk's cases as a table kept in the list's order (to sign for first, then
by the running deadline, ``work.listed_order``): a whole reading replaces the rows;
a re-read of the cases some events named moves, repaints, adds or removes only those
rows, so the selection and the scroll stay and no frame waits for the whole list."""

from __future__ import annotations

import uuid
from bisect import bisect_right
from collections.abc import Collection, Sequence

from PySide6.QtCore import QModelIndex

from console.units.work import LISTED, UnitCase, listed_order
from widgets.common.tables import RecordTableModel


class DeskCasesModel(RecordTableModel):
    @property
    def cases(self) -> Sequence[UnitCase]:
        return self._rows

    def merge(self, fresh: Sequence[UnitCase], asked: Collection[uuid.UUID],
              limit: int = LISTED) -> None:
        """The cases ``asked`` about as read now: ``fresh`` holds those still the unit's
        (each replaces its row, or moves to its place); the others leave the list."""
        by_id = {c.id: c for c in fresh}
        for row in range(len(self._rows) - 1, -1, -1):
            case = self._rows[row]
            if case.id not in asked:
                continue
            now = by_id.get(case.id)
            if now is not None and listed_order(now) == listed_order(case):
                self.replace_row(row, now)
                del by_id[case.id]
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        keys = [listed_order(c) for c in self._rows]
        for case in sorted(by_id.values(), key=listed_order):
            key = listed_order(case)
            at = bisect_right(keys, key)
            if at >= limit:
                continue  # past the list's end: the next whole reading decides
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, case)
            keys.insert(at, key)
            self.endInsertRows()
        if len(self._rows) > limit:
            self.beginRemoveRows(QModelIndex(), limit, len(self._rows) - 1)
            del self._rows[limit:]
            self.endRemoveRows()
