"""Pickers for reference data: the category tree (search by Chinese text or
pinyin initials) and the street / community / grid cell cascade."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget

from console.catalog import Catalog, Category

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CategoryPicker(QLineEdit):
    """A line edit with a popup of matching level-3 categories.

    Type 道路 or dlps (pinyin initials); Down and Enter (or a click) choose.
    """

    category_chosen = Signal(object)  # Category | None

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._chosen: Category | None = None
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._on_activated)
        self.textEdited.connect(self._on_edited)
        self.setPlaceholderText(self.tr("输入分类名称或拼音首字母，如 dlps"))
        self.setClearButtonEnabled(True)

    @property
    def chosen(self) -> Category | None:
        return self._chosen

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog

    def choose(self, category: Category | None) -> None:
        self._chosen = category
        self.setText(category.path if category else "")
        self.category_chosen.emit(category)

    def matches(self) -> list[str]:
        """Paths currently offered in the popup (for tests and accessibility)."""
        return [self._model.item(r).text() for r in range(self._model.rowCount())]

    def _on_edited(self, text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self.category_chosen.emit(None)
        self._model.clear()
        for cat in self._catalog.search_categories(text, limit=40):
            item = QStandardItem(cat.path)
            item.setData(cat.id, ID_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if text.strip() and self._model.rowCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _on_activated(self, index: QModelIndex) -> None:
        category_id = index.data(ID_ROLE)
        self.choose(self._catalog.categories.get(category_id))


class PlacePicker(QWidget):
    """Street -> community -> grid cell, each an editable combo with type-ahead."""

    changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.street = self._combo("call.street")
        self.community = self._combo("call.community")
        self.grid = self._combo("call.grid")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in (self.street, self.community, self.grid):
            layout.addWidget(combo, 1)
        self.street.currentIndexChanged.connect(self._street_changed)
        self.community.currentIndexChanged.connect(self._community_changed)
        self.grid.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._fill_streets()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _fill(self, combo: QComboBox, blank: str, items: list[tuple[str, str]]) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(blank, None)
        for code, name in items:
            combo.addItem(name, code)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)

    def _fill_streets(self) -> None:
        self._fill(self.street, self.tr("（街道）"),
                   [(s.code, s.name) for s in self._catalog.streets.values()])
        self._street_changed()

    def _street_changed(self, _index: int = 0) -> None:
        self._fill(self.community, self.tr("（社区）"),
                   [(c.code, c.name) for c in self._catalog.communities_of(self.street_code)]
                   if self.street_code else [])
        self._community_changed()

    def _community_changed(self, _index: int = 0) -> None:
        self._fill(self.grid, self.tr("（网格）"),
                   [(g.code, g.name) for g in self._catalog.cells_of(self.community_code)]
                   if self.community_code else [])
        self.changed.emit()

    @property
    def street_code(self) -> str | None:
        return self.street.currentData()

    @property
    def community_code(self) -> str | None:
        return self.community.currentData()

    @property
    def grid_code(self) -> str | None:
        return self.grid.currentData()

    def clear(self) -> None:
        self.street.setCurrentIndex(0)
