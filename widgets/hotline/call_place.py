"""The call form's place on the map (地图位置): where the case is, in words, and the
button (its key: commands ``call.pick_place``) that picks it on the map.

A case's point is either picked on the map, filling the grid cell, community and
street it lies in (point-in-polygon through the seat's locator), or, with a grid
cell chosen and no point, the cell's centre: the row then says "位置取网格中心",
and the database stores that centre when the case is saved (console/hotline/
intake.py). A point outside every cell of the district is refused with a message
and changes nothing.

A picked point belongs to its cell. Choosing another cell afterwards drops the
point, the case goes to the new cell's centre, and the message line says so. We do
not ask: a question in the middle of a call takes the Enter meant for the form,
and the cell the operator chose last is what they mean now (the caller corrected
the place); the key picks again in a moment. While the cell box is being retyped
the point waits, and taking its cell again keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from console.catalog.catalog import Catalog
from console.geo.locate import LiveLocator, Place
from widgets.common import commands
from widgets.common.pickers import PlacePicker

PICKED_STYLE = "color: #1b5e20;"
CENTRE_STYLE = "color: #5d4200;"
NONE_STYLE = "color: #757575;"


class PlaceOnMap(QWidget):
    pick_requested = Signal()
    said = Signal(str)  # for the form's message line
    shown = Signal()  # the place changed (``mark`` says where, for the map's pin)

    def __init__(self, catalog: Catalog, locator: LiveLocator | None, place: PlacePicker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog, self._live, self._place = catalog, locator, place
        self._point: Place | None = None  # picked on the map
        self._filling = False
        self.words = QLabel(objectName="call.location")
        self.words.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(commands.command("call.pick_place").label(),
                                  objectName="call.pickPlace")
        # Off the Tab chain: Enter in the grid box goes on to the category, as before;
        # the keyboard has the key.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.pick_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.button)
        place.changed.connect(self._place_changed)
        self._show()

    # ---- what the form has --------------------------------------------------------------------
    @property
    def point(self) -> Place | None:
        """The point picked, while its cell is the one chosen."""
        point = self._point
        return point if point is not None and point.cell == self._place.grid_code else None

    def draft_point(self) -> tuple[float | None, float | None]:
        """Longitude and latitude for the draft: the point picked, else none (a cell's
        centre is the database's, taken when the case is saved)."""
        point = self.point
        return (None, None) if point is None else (point.lon, point.lat)

    def shown_point(self) -> tuple[float, float] | None:
        """Where the case is now: the point picked, else its cell's centre."""
        point = self.point
        if point is not None:
            return point.lon, point.lat
        grid = self._place.grid_code
        return None if grid is None or self._live is None else self._live.centre_of(grid)

    def mark(self) -> tuple[tuple[float, float] | None, bool, str]:
        """For the map's pin: where the case is (or None), whether picked on the map
        (else its cell's centre), and the place in words."""
        return self.shown_point(), self.point is not None, self.words.text()

    # ---- picking ----------------------------------------------------------------------------
    def describe(self, lon: float, lat: float) -> str:
        """A point in words: its street, community and cell, or that it is outside."""
        place = None if self._live is None else self._live.locate(lon, lat)
        if place is None:
            if self._live is not None and not self._live.loaded:
                return self.tr("网格边界正在载入…")
            return self.tr("不在本区范围内（{lon:.6f}, {lat:.6f}）").format(lon=lon, lat=lat)
        return self._words(place.street, place.community, place.cell, (lon, lat))

    def take(self, lon: float, lat: float) -> str | None:
        """Take the point picked; the reason it was refused (nothing changed), or None."""
        if self._live is None:
            return self.tr("地图定位不可用：请选择网格")
        if not self._live.loaded:  # the start loads the cells just after the window shows
            return self.tr("网格边界还在载入，未采用：请稍后再选")
        place = self._live.locate(lon, lat)
        if place is None:
            return self.tr("该点（{lon:.6f}, {lat:.6f}）不在本区范围内，未采用：请在区内点选"
                           ).format(lon=lon, lat=lat)
        if place.cell not in self._catalog.grid_cells:  # boundaries changed just now
            return self.tr("该点所在网格 {code} 尚未载入，未采用：请稍后再选").format(
                code=place.cell)
        self._point = place
        self._filling = True
        try:
            self._place.set_codes(place.street, place.community, place.cell)
        finally:
            self._filling = False
        self._show()
        return None

    def restore(self, lon: float | None, lat: float | None) -> None:
        """A draft's point back (the form put back after clearing)."""
        place = None if lon is None or lat is None or self._live is None else (
            self._live.locate(lon, lat))
        self._point = place if place is not None and place.cell == self._place.grid_code else None
        self._show()

    def clear(self) -> None:
        self._point = None
        self._show()

    # ---- the place boxes changed ----------------------------------------------------------------
    def _place_changed(self) -> None:
        if self._filling:
            return
        point, grid = self._point, self._place.grid_code
        if point is not None and grid is not None and grid != point.cell:
            self._point = None
            key = commands.command("call.pick_place").key
            self.said.emit(self.tr("所选网格与地图选点不符，已改取网格中心（{key} 重新选点）")
                           .format(key=key))
        self._show()

    def _show(self) -> None:
        point, grid = self.point, self._place.grid_code
        if point is not None:
            text = self.tr("地图选点：{place}").format(place=self._words(
                point.street, point.community, point.cell, (point.lon, point.lat)))
            style = PICKED_STYLE
        elif grid is not None and grid in self._catalog.grid_cells:
            cell = self._catalog.grid_cells[grid]
            text = self.tr("位置取网格中心：{place}").format(place=self._words(
                cell.street_code, cell.community_code, grid, self.shown_point()))
            style = CENTRE_STYLE
        else:
            text = self.tr("未定位：选择网格即取网格中心，或在地图上选点")
            style = NONE_STYLE
        self.words.setText(text)
        self.words.setToolTip(text)
        self.words.setStyleSheet(style)
        self.shown.emit()

    def _words(self, street: str, community: str, cell: str,
               at: tuple[float, float] | None) -> str:
        """"坑梓街道 · 秀新社区 · 第3网格（114.351200, 22.702100）"."""
        catalog = self._catalog
        street_name = catalog.streets[street].name if street in catalog.streets else street
        community_name = (catalog.communities[community].name
                          if community in catalog.communities else community)
        cell_name = catalog.grid_cells[cell].name if cell in catalog.grid_cells else cell
        cell_name = cell_name.removeprefix(community_name) or cell_name
        text = " · ".join((street_name, community_name, cell_name))
        return text if at is None else f"{text}（{at[0]:.6f}, {at[1]:.6f}）"
