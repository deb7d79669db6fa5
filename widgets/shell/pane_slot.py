"""A dock of the main window whose pane is built once the window is on screen.

Some panes bring pyqtgraph, numpy's drawing and their own modules: most of a second
of imports and building that the first paint of the window need not wait for. The
dock is made with the others (the saved layout places it), holding a line that says
the pane is coming; ``build`` (the start calls it after the first paint, having
imported ``module`` in a worker thread) or the first use of ``pane`` puts the real
pane in, and ``join`` (each slot's own) connects it to the window and starts it.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

P = TypeVar("P", bound=QWidget)


class PaneSlot(QObject, Generic[P]):
    module = ""  # imported off the GUI thread before ``build``

    def __init__(self, dock: QDockWidget, waiting_name: str) -> None:
        super().__init__(dock)
        self.dock = dock
        # What the dock shows until the pane is built (its text is each slot's own).
        self.waiting = QLabel(objectName=waiting_name)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        dock.setWidget(self.waiting)
        self._pane: P | None = None

    @property
    def built(self) -> bool:
        return self._pane is not None

    def pane(self) -> P:
        """The pane, built now if it is not yet."""
        if self._pane is None:
            self.build()
        assert self._pane is not None
        return self._pane

    def build(self) -> None:
        """Put the pane in the dock, join it to the window and start it."""
        if self._pane is not None:
            return
        pane = self._make()
        self._pane = pane
        placeholder = self.dock.widget()
        self.dock.setWidget(pane)
        placeholder.deleteLater()
        self._join(pane)

    def _make(self) -> P:
        raise NotImplementedError

    def _join(self, pane: P) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        if self._pane is not None:
            self._pane.shutdown()  # type: ignore[attr-defined]
