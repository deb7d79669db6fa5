"""The pane's tiles: a figure each, big enough to read across the room at night, with
its caption and, for a rate, what it counts ("12 / 15")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from console.stats.tiles import Tiles
from widgets.stats.words import count, percent

TILE_STYLE = """
QFrame#stats-tile { background: #1f2a36; border-radius: 6px; }
QLabel[role="caption"] { color: #b8c7d6; font-size: 13px; }
QLabel[role="value"] { color: #ffffff; font-size: 26px; font-weight: bold; }
QLabel[role="value"][alarm="true"] { color: #ff8a65; }
QLabel[role="note"] { color: #8fa3b8; font-size: 12px; }
"""
COLUMNS = 4


class Tile(QFrame):
    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats-tile")
        self.key = key
        self.caption = QLabel(caption)
        self.value = QLabel("—", objectName=f"stats.tile.{key}")
        self.note = QLabel(" ")
        for label, role in ((self.caption, "caption"), (self.value, "value"),
                            (self.note, "note")):
            label.setProperty("role", role)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        for label in (self.caption, self.value, self.note):
            layout.addWidget(label)

    def show_figure(self, value: str, note: str = " ", alarm: bool = False) -> None:
        self.value.setText(value)
        self.note.setText(note or " ")
        if self.value.property("alarm") != alarm:
            self.value.setProperty("alarm", alarm)
            self.value.style().unpolish(self.value)
            self.value.style().polish(self.value)


class TileBoard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats.tiles")
        self.setStyleSheet(TILE_STYLE)
        captions = [("intake", self.tr("受理量")), ("open", self.tr("在办")),
                    ("overdue", self.tr("当前超期")), ("on_time", self.tr("按期办结率")),
                    ("acceptance", self.tr("受理告知率")), ("feedback", self.tr("办理反馈率")),
                    ("callback", self.tr("回访率")), ("satisfaction", self.tr("满意率"))]
        self.tiles = {key: Tile(key, caption, self) for key, caption in captions}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)

    def show_tiles(self, t: Tiles, period: str) -> None:
        self.tiles["intake"].show_figure(count(t.intake), period)
        self.tiles["open"].show_figure(count(t.open), self.tr("此刻"))
        self.tiles["overdue"].show_figure(count(t.overdue_now), self.tr("此刻，未暂停"),
                                          alarm=t.overdue_now > 0)
        self._rate("on_time", t.on_time.done, t.on_time.of)
        self._rate("acceptance", t.rates.acceptance_notice.done, t.rates.acceptance_notice.of)
        self._rate("feedback", t.rates.result_feedback.done, t.rates.result_feedback.of)
        self._rate("callback", t.rates.callback.done, t.rates.callback.of)
        satisfied = t.satisfaction.satisfied
        self.tiles["satisfaction"].show_figure(
            percent(satisfied.done, satisfied.of),
            self.tr("{done} / {of} 评价 · 未接通 {u}").format(
                done=count(satisfied.done), of=count(satisfied.of),
                u=count(t.satisfaction.unreachable)) if t.satisfaction.called else " ")

    def _rate(self, key: str, done: int, of: int) -> None:
        self.tiles[key].show_figure(percent(done, of),
                                    f"{count(done)} / {count(of)}" if of else self.tr("无可计"))
