"""The map's drawing surface: a pyqtgraph view with its aspect locked (kilometres
east and north: console/mapview/plane.py), no axes and no context menu. Dragging
pans, the wheel zooms, Shift+drag draws a selection rectangle, a click is a click
(the pane decides what it hits), and the pointer's place is reported for hover.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QWidget

from widgets.common import commands
from widgets.map.style import BACKGROUND

SELECT_MODIFIER = Qt.KeyboardModifier.ShiftModifier
ZOOM_STEP = 1.5
PAN_SHARE = 0.2  # of the view, per arrow key


def map_command(event: QKeyEvent) -> commands.Command | None:
    """The map's key (commands.MAP) this press is, if any."""
    if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):  # "+" is Shift+= on most
        event = QKeyEvent(event.type(), event.key(),  # keyboards: the key, not the Shift
                          event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier,
                          event.text())
    return commands.pressed(commands.MAP, event)


class MapViewBox(pg.ViewBox):
    clicked = Signal(QPointF)       # where, in map units (km)
    rect_selected = Signal(QRectF)  # the rectangle drawn with Shift+drag, in map units

    def __init__(self) -> None:
        super().__init__(lockAspect=True, enableMenu=False, invertY=False)
        self.setMouseEnabled(True, True)
        self.disableAutoRange()
        self.rbScaleBox.setPen(pg.mkPen("#6a1b9a", width=1.5, style=Qt.PenStyle.DashLine))
        self.rbScaleBox.setBrush(pg.mkBrush(106, 27, 154, 40))
        self._selecting = False

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:
        if ev.isStart():  # a drag begun with Shift held selects to its end
            self._selecting = bool(ev.button() == Qt.MouseButton.LeftButton
                                   and ev.modifiers() & SELECT_MODIFIER)
        if self._selecting:
            ev.accept()
            if ev.isFinish():
                self._selecting = False
                self.rbScaleBox.hide()
                corner, end = self.mapToView(ev.buttonDownPos()), self.mapToView(ev.pos())
                self.rect_selected.emit(QRectF(corner, end).normalized())
            else:
                self.updateScaleBox(ev.buttonDownPos(), ev.pos())
            return
        super().mouseDragEvent(ev, axis)

    def mouseClickEvent(self, ev: Any) -> None:
        ev.accept()  # no menu, no zoom-out on a right click; clicks: MapCanvas._click

    def pixels_per_km(self) -> float:
        width = self.viewRect().width()
        return self.width() / width if width > 0 else 0.0


class MapCanvas(pg.GraphicsView):
    hovered = Signal(object)  # QPointF in map units, or None when the pointer left
    key_command = Signal(str)  # a map key pressed (commands.MAP)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=BACKGROUND)
        self.setObjectName("map.canvas")
        self.view = MapViewBox()
        self.setCentralItem(self.view)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)  # where the map ends, and its focus
        self.setAntialiasing(True)
        self.setMouseTracking(True)
        self.scene().sigMouseMoved.connect(self._moved)
        self.scene().sigMouseClicked.connect(self._click)

    def _click(self, ev: Any) -> None:
        """Every click on the map, whatever item under it took it (a marker does)."""
        if ev.button() == Qt.MouseButton.LeftButton and not ev.double() \
                and self.view.sceneBoundingRect().contains(ev.scenePos()):
            self.view.clicked.emit(self.view.mapSceneToView(ev.scenePos()))

    def _moved(self, scene_pos: QPointF) -> None:
        if self.view.sceneBoundingRect().contains(scene_pos):
            self.hovered.emit(self.view.mapSceneToView(scene_pos))
        else:
            self.hovered.emit(None)

    def leaveEvent(self, event: Any) -> None:
        self.hovered.emit(None)
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = map_command(event)
        if command is None:
            super().keyPressEvent(event)
            return
        event.accept()
        view, rect = self.view, self.view.viewRect()
        if command.id == "map.zoom_in":
            view.scaleBy((1 / ZOOM_STEP, 1 / ZOOM_STEP))
        elif command.id == "map.zoom_out":
            view.scaleBy((ZOOM_STEP, ZOOM_STEP))
        elif command.id in PANS:
            dx, dy = PANS[command.id]
            view.translateBy(x=dx * rect.width() * PAN_SHARE, y=dy * rect.height() * PAN_SHARE)
        self.key_command.emit(command.id)


PANS = {"map.pan_left": (-1, 0), "map.pan_right": (1, 0), "map.pan_up": (0, 1),
        "map.pan_down": (0, -1)}
# The keys the canvas moves the view by; the others of its scope go to the pane.
KEYS = frozenset({"map.zoom_in", "map.zoom_out", *PANS})
