"""A line edit that finds an item while you type and takes it with Enter.

Typing shows the matches in a popup, best first. Enter (or Tab) takes the
highlighted match, or the best one when none is highlighted, and emits
``picked`` so a form can move on; it is never passed on to the form, so
choosing never also saves. Down on a box without typed text lists every item;
Esc closes the popup. Enter with nothing new to take (an empty box, or an item
already taken) is an ordinary line-edit Enter (``returnPressed``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
Match = tuple[Hashable, str]  # an item's key and the text shown for it


class SearchPicker(QLineEdit):
    """Subclasses say what matches (``search``) and what taking an item means (``_take``)."""

    picked = Signal()  # an item was taken from the typed text (Enter, Tab or a click)

    def _popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None  # a completer makes its popup when asked
        return popup

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)
        # The overload that gives the model index (the stubs do not know signals' overloads).
        self._completer.activated[QModelIndex].connect(self._clicked)  # type: ignore[index]
        # Installed after the completer's own filter, so it sees the popup's keys first.
        self._popup().installEventFilter(self)
        self._shown = ""  # the text of the item taken; other text is still a search
        self.textEdited.connect(self._edited)
        self.setClearButtonEnabled(True)

    # ---- for subclasses ----------------------------------------------------------------
    def search(self, text: str) -> Sequence[Match]:
        """The items matching ``text``, best first (every item for empty text)."""
        raise NotImplementedError

    def _take(self, key: Hashable | None) -> None:
        """Make ``key`` (None: nothing) the chosen item and tell whoever listens."""
        raise NotImplementedError

    # ---- state -------------------------------------------------------------------------
    def show_taken(self, text: str) -> None:
        """Show ``text`` as the taken item's (called by ``_take``)."""
        self._shown = text
        self.setText(text)
        self.setCursorPosition(0)  # the name's beginning shows in a narrow box

    @property
    def unmatched(self) -> bool:
        """Text typed that has not become an item (Enter found nothing for it)."""
        return bool(self.text().strip()) and self.text() != self._shown

    def matches(self) -> list[str]:
        """The texts currently offered in the popup (for tests and accessibility)."""
        return [self._model.item(r).text() for r in range(self._model.rowCount())]

    def popup_visible(self) -> bool:
        return self._popup().isVisible()

    # ---- typing and taking ----------------------------------------------------------------
    def _edited(self, text: str) -> None:
        if self._shown:
            self._shown = ""
            self._take(None)
        self._offer(text)
        if text.strip() and self._model.rowCount():
            self._completer.complete()
        else:
            self._popup().hide()

    def _offer(self, text: str) -> None:
        self._model.clear()
        for key, shown in self.search(text):
            item = QStandardItem(shown)
            item.setData(key, KEY_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)

    def take_best(self, *, move_on: bool = True) -> bool:
        """Take the highlighted match, else the best one for the typed text;
        ``picked`` (the form moves on) unless the focus is moving already."""
        popup = self._popup()
        index = popup.currentIndex() if popup.isVisible() else QModelIndex()
        popup.hide()
        if not index.isValid():
            if not self.unmatched:
                return False
            self._offer(self.text())
            index = self._model.index(0, 0)
            if not index.isValid():
                return False
        self._take_index(index, move_on)
        return True

    def _take_index(self, index: QModelIndex, move_on: bool = True) -> None:
        self._take(index.data(KEY_ROLE))
        if move_on:
            self.picked.emit()

    def _clicked(self, index: QModelIndex) -> None:
        self._popup().hide()
        self._take_index(index)

    # ---- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ENTER and (self.unmatched or self.popup_visible()):
            self.take_best()  # taken or not, this Enter is the box's, never the form's
            return
        if event.key() == Qt.Key.Key_Down and not self.popup_visible():
            self._offer("" if not self.unmatched else self.text())
            if self._model.rowCount():
                self._completer.complete()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._completer.popup() and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key()  # type: ignore[call-overload]
            if key in ENTER:
                self.take_best()
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.take_best(move_on=False)
                self.focusNextPrevChild(key == Qt.Key.Key_Tab)
                return True
            if key == Qt.Key.Key_Escape:
                self._popup().hide()
                return True
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Tab out of a search takes its best match, as Enter does.
        tabbed = event.reason() in (Qt.FocusReason.TabFocusReason,
                                    Qt.FocusReason.BacktabFocusReason)
        if tabbed and self.unmatched:
            self.take_best(move_on=False)
        super().focusOutEvent(event)
