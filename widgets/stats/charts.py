"""The pane's charts, drawn by pyqtgraph on a dark ground for the night shift:
``IntakeChart`` (the intake per hour or day, a line per channel in the channel's own
colour, its key above the plot so no word lies over a line) and ``RankedBars``
(horizontal bars, most on top, names on the axis cut short so they never overlap,
the figure at each bar's end). A click on a point or a bar, or Enter on the bar
picked with the arrow keys, says which (``point_clicked``, ``bar_clicked``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.stats.figures import Count
from console.stats.intake import Point
from widgets.common import texts
from widgets.common.channel_colours import channel_colour
from widgets.stats.plot import INK, Figures, Plot
from widgets.stats.words import elide

BAR, PICKED = "#5e81ac", "#ebcb8b"
MOST_TICKS = 12
GRID_ALPHA = 64  # the value axis's grid lines, of 255


class IntakeChart(QWidget):
    point_clicked = Signal(object, str)  # the bucket's start (datetime), the channel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="stats.chart.title")
        self.key = QHBoxLayout()
        self.key.setSpacing(12)
        self.plot = Plot("stats.chart")
        self.plot.axis("left").setGrid(GRID_ALPHA)
        self.plot.setMinimumHeight(180)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addLayout(self.key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.plot, 1)
        self.buckets: list[dt.datetime] = []
        self.lines: dict[str, pg.PlotDataItem] = {}
        self._order: list[str] = []  # the channels in the key

    def show_series(self, title: str, buckets: list[dt.datetime], points: Sequence[Point],
                    hourly: bool) -> None:
        """Draw the series (a line per channel, the most on top of the key first); the
        lines of channels still shown are updated in place."""
        self.title.setText(title)
        self.buckets = buckets
        index = {b: i for i, b in enumerate(buckets)}
        by_channel: dict[str, list[int]] = {}
        for p in points:
            values = by_channel.setdefault(p.channel, [0] * len(buckets))
            if (i := index.get(p.at)) is not None:
                values[i] = p.value
        order = sorted(by_channel, key=lambda c: (-sum(by_channel[c]), c))
        for channel in [c for c in self.lines if c not in by_channel]:
            self.plot.remove(self.lines.pop(channel))
        xs = list(range(len(buckets)))
        for channel in order:
            line = self.lines.get(channel)
            if line is None:
                colour = channel_colour(channel)
                line = pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=7,
                                       symbolBrush=colour, symbolPen=colour)
                self.plot.add(line)
                line.sigPointsClicked.connect(
                    lambda _item, spots, _ev, c=channel: self._clicked(spots, c))
                self.lines[channel] = line
            line.setData(xs, by_channel[channel])
        if order != self._order:
            self._order = order
            self._show_key(order)
        step = max(1, -(-len(buckets) // MOST_TICKS))
        ticks = [(i, self.tr("{h}时").format(h=b.hour) if hourly else f"{b:%m-%d}")
                 for i, b in enumerate(buckets) if i % step == 0]
        self.plot.axis("bottom").setTicks([ticks])
        most = max((max(v) for v in by_channel.values()), default=0)
        self.plot.show_range((-0.5, max(len(buckets) - 0.5, 0.5)),
                             (-most * 0.03, max(most * 1.1, 5)))

    def _show_key(self, order: list[str]) -> None:
        while self.key.count():
            item = self.key.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for channel in order:
            swatch = QLabel(f"<span style='color:{channel_colour(channel)}'>■</span> "
                            f"{texts.channel_name(channel)}")
            swatch.setObjectName(f"stats.key.{channel}")
            self.key.addWidget(swatch)

    def _clicked(self, spots: Sequence[pg.SpotItem], channel: str) -> None:
        if spots:
            i = int(round(spots[0].pos().x()))
            if 0 <= i < len(self.buckets):
                self.point_clicked.emit(self.buckets[i], channel)


class RankedBars(QWidget):
    bar_clicked = Signal(str, str)  # key, name

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(objectName=f"{name}.title")
        self.plot = Plot(f"{name}.plot", ("left",))  # each bar says its figure
        self.plot.setMinimumHeight(220)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.axis("left").setWidth(110)
        self.plot.scene().sigMouseClicked.connect(self._scene_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        self.rows: list[Count] = []
        self.picked = -1
        self._bars: pg.BarGraphItem | None = None
        self.figures = Figures(INK)  # each bar's figure at its end
        self.figures.setZValue(1)
        self.plot.add(self.figures)
        self._names: list[str] = []

    def show_rows(self, title: str, rows: Sequence[Count], names: Sequence[str]) -> None:
        """``rows`` most first, with the ``names`` to write for them."""
        self.title.setText(title)
        self.rows, self._names = list(rows), list(names)
        self.picked = min(self.picked, len(self.rows) - 1)
        self._draw()

    def _draw(self) -> None:
        """The bars and their figures, the items made once and updated in place."""
        n = len(self.rows)
        ys = [n - 1 - i for i in range(n)]  # the most on top
        values = [r.value for r in self.rows]
        if self._bars is None:
            self._bars = pg.BarGraphItem(x0=[0], y=[0], height=0.7, width=[0],
                                         brush=BAR, pen=pg.mkPen(None))
            self.plot.add(self._bars)
        if n:  # (pyqtgraph's bars want at least one)
            self._bars.setOpts(x0=[0] * n, y=ys, width=values, height=0.7, brushes=[
                PICKED if i == self.picked else BAR for i in range(n)])
        self._bars.setVisible(n > 0)
        most = max(values, default=0)
        self.figures.show_figures([(v + most * 0.02, y, f"{v:,}")
                                   for v, y in zip(values, ys, strict=True)])
        self.plot.axis("left").setTicks([[(y, elide(name)) for y, name in
                                          zip(ys, self._names, strict=True)]])
        self.plot.show_range((0, max(most * 1.25, 1)), (-0.6, max(n, 1) - 0.4))
        self.plot.setToolTip("\n".join(f"{name}：{r.value:,}" for name, r in
                                       zip(self._names, self.rows, strict=True)))

    def _scene_clicked(self, event: object) -> None:
        pos: QPointF = event.scenePos()  # type: ignore[attr-defined]
        box = self.plot.vb
        if not box.sceneBoundingRect().contains(pos):
            return
        at = box.mapSceneToView(pos)
        i = len(self.rows) - 1 - int(round(at.y()))
        if 0 <= i < len(self.rows) and 0 <= at.x() <= max(self.rows[i].value, 1) * 1.25:
            self.choose(i)

    def choose(self, i: int) -> None:
        self.picked = i
        self._draw()
        self.bar_clicked.emit(self.rows[i].key, self._names[i])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.rows:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.picked = max(0, min(len(self.rows) - 1, self.picked + step))
            self._draw()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and 0 <= self.picked < len(self.rows):
            self.choose(self.picked)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.picked < 0 and self.rows:
            self.picked = 0
            self._draw()
        self.title.setStyleSheet(f"color: {PICKED};")
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.title.setStyleSheet("")
        super().focusOutEvent(event)
