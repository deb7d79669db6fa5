"""Where the docks go: a default layout for each role, fitted to the screen, and
the person's own arrangement, saved under a versioned key and restored only when
it fits the screen the window opens on.

A layout is data: columns side by side, each a list of stacks from top to
bottom, each stack a list of docks shown as tabs with the first one raised.
Docks are named by their object names. Every role has a roomy layout and a
compact one for screens where the roomy one does not fit (1366×768 and the
like); the compact one fits 1366×768 with a task bar (a test keeps it so).

All docks live in one dock area, split into columns: Qt then shares a change
of the window's size among them in proportion, so the shares set here hold
when the window is maximised later.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QLayout, QMainWindow

from console.casework.lifecycle import DISPATCHER, LEADER, OPERATOR, SUPERVISOR, UNIT
from console.seat_settings import (
    LAYOUT_GEOMETRY,
    LAYOUT_ROLES,
    LAYOUT_STATE,
    LAYOUT_VERSION,
    SeatSettings,
)

# The window manager's title bar, not known before the window is first shown.
TITLE_BAR = 32
# Panes grow wider once their data is in (the roster's month title, a longer
# name in a list), by up to a tenth of 1366 pixels when measured at start: there
# a layout is taken to fit only with this share of the screen's width to spare.
SPARE_WIDTH = 0.1
# A person with several roles gets the layout of the first of them in this order
# (the wider duty first); someone with none of them (the embedded server's own
# administrator) gets the operator's, the console's front desk.
PRECEDENCE = LAYOUT_ROLES


@dataclass(frozen=True)
class Stack:
    docks: tuple[str, ...]  # tabs; the first is raised
    share: int              # of the column's height


@dataclass(frozen=True)
class Column:
    stacks: tuple[Stack, ...]
    share: int              # of the window's width


def _column(share: int, *stacks: tuple[int, str]) -> Column:
    """A column from (share, "dock.a dock.b …") pairs, top to bottom."""
    return Column(tuple(Stack(tuple(f"dock.{n}" for n in names.split()), s)
                        for s, names in stacks), share)


Arrangement = tuple[Column, ...]

# role: (roomy, compact). The call screen and the handover are the tallest panes:
# on a small screen each shares a whole column's height with tabs only.
LAYOUTS: dict[str, tuple[Arrangement, Arrangement]] = {
    OPERATOR: (
        (_column(34, (1, "call handover")),
         _column(44, (58, "queue board roster rollCall"),
                 (42, "map callbacks countdown units stats")),
         _column(22, (1, "quickAnswers"))),
        (_column(40, (1, "call handover")),
         _column(60, (56, "queue board roster rollCall"),
                 (44, "callbacks quickAnswers countdown units map stats"))),
    ),
    DISPATCHER: (
        (_column(60, (62, "queue board roster"), (38, "countdown callbacks units")),
         _column(40, (1, "map stats call handover rollCall quickAnswers"))),
        (_column(58, (60, "queue board roster"), (40, "countdown callbacks units")),
         _column(42, (1, "map stats call handover rollCall quickAnswers"))),
    ),
    LEADER: (
        (_column(58, (60, "roster queue board"),
                 (40, "stats countdown callbacks call units map")),
         _column(42, (42, "rollCall quickAnswers"), (58, "handover"))),
        (_column(58, (1, "roster queue board countdown callbacks units map")),
         _column(42, (1, "rollCall stats handover call quickAnswers"))),
    ),
    SUPERVISOR: (
        (_column(58, (64, "board stats roster"), (36, "countdown callbacks units")),
         _column(42, (60, "queue map call handover"), (40, "rollCall quickAnswers"))),
        (_column(58, (64, "board stats roster"), (36, "countdown callbacks units map")),
         _column(42, (1, "queue call handover rollCall quickAnswers"))),
    ),
    # A unit's seat: its cases in front; the rest (its own cases only) behind tabs.
    UNIT: (
        (_column(64, (1, "units queue countdown")),
         _column(36, (50, "quickAnswers callbacks board map stats"),
                 (50, "handover roster rollCall call"))),
        (_column(62, (1, "units queue countdown board")),
         _column(38, (1, "quickAnswers callbacks handover roster rollCall call map stats"))),
    ),
}


def layout_role(roles: Iterable[str]) -> str:
    held = set(roles)
    return next((role for role in PRECEDENCE if role in held), OPERATOR)


def raise_dock(dock: QDockWidget) -> None:
    """Bring a dock to the front: shown if it was closed, its tab raised."""
    dock.show()
    dock.raise_()
    if dock.isFloating():
        dock.activateWindow()


def place(window: QMainWindow, columns: Arrangement) -> None:
    """Put every dock where the arrangement says (sizes come after, in share_out)."""
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    for dock in docks.values():
        dock.setFloating(False)
        window.removeDockWidget(dock)
    heads = _heads(window, columns)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, heads[0][0])
    for left, right in zip(heads, heads[1:], strict=False):
        window.splitDockWidget(left[0], right[0], Qt.Orientation.Horizontal)
    for column, column_heads in zip(columns, heads, strict=True):
        for upper, lower in zip(column_heads, column_heads[1:], strict=False):
            window.splitDockWidget(upper, lower, Qt.Orientation.Vertical)
        for stack, head in zip(column.stacks, column_heads, strict=True):
            for name in stack.docks[1:]:
                window.tabifyDockWidget(head, docks[name])
    for dock in docks.values():
        dock.show()
    for head in (h for column_heads in heads for h in column_heads):
        head.raise_()


def share_out(window: QMainWindow, columns: Arrangement) -> None:
    """Give the columns and their stacks their shares of the window's size (no less
    than a pane's least size: a pane asked to be smaller would push the window wider)."""
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}

    def least(names: Iterable[str]) -> QSize:
        hints = [docks[n].minimumSizeHint() for n in names]
        return QSize(max(h.width() for h in hints), max(h.height() for h in hints))

    heads = _heads(window, columns)
    size = window.size()
    widths = [least(d for s in c.stacks for d in s.docks).width() for c in columns]
    window.resizeDocks([h[0] for h in heads], _shares(size.width(), columns, widths),
                       Qt.Orientation.Horizontal)
    for column, column_heads in zip(columns, heads, strict=True):
        heights = [least(stack.docks).height() for stack in column.stacks]
        window.resizeDocks(column_heads, _shares(size.height(), column.stacks, heights),
                           Qt.Orientation.Vertical)


def _heads(window: QMainWindow, columns: Arrangement) -> list[list[QDockWidget]]:
    """The raised dock of every stack, column by column."""
    return [[_dock(window, stack.docks[0]) for stack in column.stacks] for column in columns]


def _dock(window: QMainWindow, name: str) -> QDockWidget:
    dock = window.findChild(QDockWidget, name)
    if dock is None:
        raise LookupError(f"no dock {name!r} in the window")
    return dock


def _shares(total: int, parts: Sequence[Column | Stack], least: Sequence[int]) -> list[int]:
    """The total split by the parts' shares, each part at least its least size and
    the others sharing what is left."""
    sizes = [total * p.share // sum(p.share for p in parts) for p in parts]
    short = {i for i, (size, low) in enumerate(zip(sizes, least, strict=True)) if size < low}
    rest = [i for i in range(len(parts)) if i not in short]
    if short and rest:
        left = total - sum(least[i] for i in short)
        shares = sum(parts[i].share for i in rest)
        sizes = [least[i] if i in short else left * parts[i].share // shares
                 for i in range(len(parts))]
    return sizes


def fits(window: QMainWindow, available: QSize) -> bool:
    """Whether the window with its docks as they stand can be as small as the screen
    (before it is first shown, with room to spare for the panes' data)."""
    need = window.minimumSizeHint()  # the menus, tool bar, status bar and docks' least
    spare = 0 if window.isVisible() else SPARE_WIDTH
    return (need.width() <= available.width() * (1 - spare)
            and need.height() + TITLE_BAR <= available.height())


@contextmanager
def _trying(window: QMainWindow) -> Iterator[None]:
    """Arrangements tried on the way do not grow the window to their minimum size
    (Qt enlarges a window to its layout's minimum at once)."""
    layout = window.layout()
    assert layout is not None  # a QMainWindow always has its layout
    constraint = layout.sizeConstraint()
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    try:
        yield
    finally:
        layout.setSizeConstraint(constraint)


class WindowLayout:
    """The main window's layout for the person's role: default, saved, restored."""

    def __init__(self, window: QMainWindow, settings: SeatSettings, roles: Iterable[str]) -> None:
        self.window, self.settings = window, settings
        self.role = layout_role(roles)

    def _available(self, available: QRect | None) -> QRect:
        return available or self.window.screen().availableGeometry()

    def reset(self, available: QRect | None = None) -> None:
        """The role's default: the roomy layout if it fits the screen, else the compact."""
        screen = self._available(available).size()
        roomy, compact = LAYOUTS[self.role]
        with _trying(self.window):
            place(self.window, roomy)
            chosen = roomy if fits(self.window, screen) else compact
            if chosen is compact:
                place(self.window, compact)
        share_out(self.window, chosen)

    def save(self) -> None:
        self.settings.set(LAYOUT_GEOMETRY, bytes(self.window.saveGeometry().data()),
                          role=self.role)
        self.settings.set(LAYOUT_STATE, bytes(self.window.saveState(LAYOUT_VERSION).data()),
                          role=self.role)

    def restore(self, available: QRect | None = None) -> None:
        """The saved arrangement if it fits this screen, else the role's default;
        the saved window geometry if it lies on this screen, else maximised."""
        screen = self._available(available)
        window = self.window
        window.resize(screen.width(), screen.height() - TITLE_BAR)  # the shares' base
        state = self.settings.get(LAYOUT_STATE, role=self.role)
        with _trying(window):
            restored = (state is not None
                        and window.restoreState(QByteArray(state), LAYOUT_VERSION)
                        and fits(window, screen.size()))
        if not restored:
            self.reset(screen)
        geometry = self.settings.get(LAYOUT_GEOMETRY, role=self.role)
        if not (geometry is not None
                and window.restoreGeometry(QByteArray(geometry))
                and screen.contains(window.geometry())):
            window.setGeometry(screen.adjusted(0, TITLE_BAR, 0, 0))
            window.setWindowState(Qt.WindowState.WindowMaximized)
