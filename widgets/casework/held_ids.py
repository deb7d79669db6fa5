"""The case queue's held ids: the ordered list of case ids a table model shows, and
the row signals that move it from one order to another (``IdPlan``), so that the
selection and the scroll position survive. Rows are keyed by the ids' 128-bit
integers (hashed and compared in C); the key -> row index is made again only when
asked after a live update moved rows (``_row_index``), a few rows are found by a
scan of the keys in C instead. Subclasses fill ``_rows`` (the row cache) and mark
rows ``_stale``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from console.casework.queue import CaseRow
from widgets.casework.case_columns import CaseColumnsModel
from widgets.casework.id_diff import IdPlan, plan_id_list

Index = QModelIndex | QPersistentModelIndex
FEW_SCANS = 8  # rows looked up by a scan each, rather than by the index made again


class HeldIds(CaseColumnsModel):
    """An ordered list of case ids, each held once, and its row cache."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[uuid.UUID] = []
        self._keys: list[int] = []  # the ids as integers (hashed in C)
        self._held: set[int] = set()  # the same, as a set (kept up to date per change)
        self._index: dict[int, int] | None = {}  # an id's integer -> its row; None: stale
        self._reindexing = False
        self._rows: dict[uuid.UUID, CaseRow] = {}
        self._stale: set[uuid.UUID] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def case_id(self, row: int) -> uuid.UUID | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: uuid.UUID) -> int | None:
        return self._row_of_key(case_id.int)

    def _row_of_key(self, key: int) -> int | None:
        if self._reindexing or self._index is None:  # a plan is applied / a live one was
            if not self._reindexing and key not in self._held:
                return None
            try:
                return self._keys.index(key)  # a scan in C (many: _row_index first)
            except ValueError:
                return None
        return self._index.get(key)

    def _row_index(self) -> dict[int, int]:
        """Every held key's row, made again when a live update left it stale."""
        if self._index is None:
            self._index = dict(zip(self._keys, range(len(self._keys)), strict=True))
        return self._index

    def _set_ids(self, ids: list[uuid.UUID]) -> None:
        self._ids = ids
        self._keys = [case_id.int for case_id in ids]
        self._held = set(self._keys)
        self._index = dict(zip(self._keys, range(len(ids)), strict=True))

    def _held_rows(self, ids: Iterable[uuid.UUID]) -> list[int]:
        """The rows of those of ``ids`` that are held, in order."""
        keys = [i.int for i in ids if i.int in self._held]
        if self._index is None and len(keys) > FEW_SCANS:
            self._row_index()
        return sorted(r for r in map(self._row_of_key, keys) if r is not None)

    def apply_id_list(self, new: list[uuid.UUID]) -> None:
        """Move from the current id order to ``new`` with minimal model signals."""
        self.apply_plan(plan_id_list(self._ids, self._keys, self._row_index(), new))

    def apply_plan(self, plan: IdPlan) -> None:
        """Apply a plan made from the ids held now: row signals and list slices only."""
        if plan.unchanged:
            return
        for case_id in plan.removed_ids:
            self._rows.pop(case_id, None)
            self._stale.discard(case_id)
        ids, keys = list(self._ids), list(self._keys)  # new lists: a re-read in flight
        self._ids, self._keys, self._reindexing = ids, keys, True  # row_of() scans meanwhile
        try:
            for first, last in reversed(plan.removed):
                self.beginRemoveRows(QModelIndex(), first, last)
                del ids[first:last + 1]
                del keys[first:last + 1]
                self.endRemoveRows()
            if plan.relayout:
                self._relayout(plan)
                return
            for first, last in plan.inserted:
                self.beginInsertRows(QModelIndex(), first, last)
                ids[first:first] = plan.new[first:last + 1]
                keys[first:first] = plan.keys[first:last + 1]
                self.endInsertRows()
        finally:
            self._reindexing = False
            self._reindex(plan)

    def _reindex(self, plan: IdPlan) -> None:
        """The held set and the row index after ``plan`` (a live plan: per change)."""
        if plan.row_of is not None:
            self._index, self._held = plan.row_of, set(plan.row_of)
        else:
            self._index = None
            self._held.difference_update(i.int for i in plan.removed_ids)
            self._held.update(plan.added)

    def _relayout(self, plan: IdPlan) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.case_id(p.row()) for p in persistent]
        self._ids, self._keys = plan.new, plan.keys
        self._reindex(plan)
        if len(persistent) > FEW_SCANS:
            self._row_index()
        moved = []
        for p, case_id in zip(persistent, ids, strict=True):
            row = self._row_of_key(case_id.int) if case_id is not None else None
            moved.append(QModelIndex() if row is None else self.index(row, p.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
