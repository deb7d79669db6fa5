"""Where a point is: longitude and latitude (GCJ-02) to grid cell, community and
street; and where a cell is, for a case that names a cell but has no point.

The cells' polygons are read once from the database into a shapely STRtree
over prepared polygons: a point's candidates come from the tree by bounding box,
then each is tested with the prepared polygon (``intersects_xy``, on the edge
counts). A point on the edge of two cells goes to the one first in code order.
``LiveLocator`` builds a new locator when an admin's boundary import arrives
through the change feed. A point outside every cell gives None: the caller
refuses it with a message.

numpy and shapely are imported when the first locator is built (in the worker
thread that builds it), not with this module: the main window's first paint needs
neither, and the seat's locator is loaded once the window is on screen
(``ConsoleApp.load_places``).
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from console.core.events import Event, Kind
from console.core.feed import ChangeFeed
from console.core.store import Store
from db import schema as s

if TYPE_CHECKING:
    import numpy as np
    from shapely.geometry.base import BaseGeometry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cell:
    code: str
    community: str
    street: str
    centre: tuple[float, float]


@dataclass(frozen=True)
class Place:
    """A located point: its cell, the cell's community and street."""

    lon: float
    lat: float
    cell: str
    community: str
    street: str


class Locator:
    def __init__(self, cells: Sequence[Cell], shapes: Sequence[BaseGeometry]) -> None:
        import numpy as np
        import shapely
        from shapely.strtree import STRtree

        order = sorted(range(len(cells)), key=lambda i: cells[i].code)
        self.cells = [cells[i] for i in order]
        self._shapes = np.array([shapes[i] for i in order], dtype=object)
        shapely.prepare(self._shapes)
        self._tree = STRtree(self._shapes)
        self._by_code = {c.code: c for c in self.cells}

    @classmethod
    async def load(cls, store: Store) -> Locator:
        """Every cell of the database (the polygons are read on a worker thread)."""
        async with store.read() as conn:
            rows = (await conn.execute(select(
                s.GridCell.code, s.GridCell.community_code, s.GridCell.street_code,
                s.GridCell.centroid_lon, s.GridCell.centroid_lat, s.GridCell.geometry))).all()
        return await asyncio.to_thread(cls._from_rows, rows)

    @classmethod
    def _from_rows(cls, rows: Sequence[tuple]) -> Locator:
        from console.geo.shapes import ShapeError, read_polygonal

        cells, shapes = [], []
        for code, community, street, lon, lat, geometry in rows:
            try:
                shapes.append(read_polygonal(geometry))
            except ShapeError:
                log.warning("grid cell %s has a shape that cannot be read; left off the map",
                            code)
                continue
            cells.append(Cell(code, community, street, (lon, lat)))
        return cls(cells, shapes)

    def __len__(self) -> int:
        return len(self.cells)

    def locate(self, lon: float, lat: float) -> Place | None:
        """The place of one point, or None outside every cell."""
        import numpy as np

        if not (math.isfinite(lon) and math.isfinite(lat)):
            return None
        index = int(self.locate_many(np.array([lon]), np.array([lat]))[0])
        if index < 0:
            return None
        cell = self.cells[index]
        return Place(lon, lat, cell.code, cell.community, cell.street)

    def locate_many(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """For each point the index of its cell in ``cells`` (-1: outside every cell)."""
        import numpy as np
        import shapely

        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        found = np.full(lon.shape, -1, dtype=np.int64)
        if not len(self.cells) or not lon.size:
            return found
        points, cells = self._tree.query(shapely.points(lon, lat))  # by bounding box
        hit = shapely.intersects_xy(self._shapes[cells], lon[points], lat[points])
        points, cells = points[hit], cells[hit]
        # Each point's first cell in code order (a point on an edge touches two).
        order = np.lexsort((cells, points))
        points, cells = points[order], cells[order]
        located, first = np.unique(points, return_index=True)
        found[located] = cells[first]
        return found

    def cell(self, code: str) -> Cell | None:
        """A cell by code: its community, street and centre (None if unknown)."""
        return self._by_code.get(code)

    def centre_of(self, code: str) -> tuple[float, float] | None:
        """Where a case with this cell but no point of its own is placed."""
        cell = self._by_code.get(code)
        return None if cell is None else cell.centre


class LiveLocator:
    """The seat's locator: built once the window shows (``start``), built again when
    boundaries are imported (at this seat or another). ``locator`` is the newest one
    built; before the first, ``loaded`` is False and nothing is located."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._locator: Locator | None = None
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._following = False

    @property
    def loaded(self) -> bool:
        return self._locator is not None

    @property
    def locator(self) -> Locator:
        """The newest locator built (an empty one, which locates nothing, before the first)."""
        if self._locator is None:
            self._locator = Locator([], [])
        return self._locator

    def locate(self, lon: float, lat: float) -> Place | None:
        """The place of one point; None outside every cell, and before the first build."""
        return None if self._locator is None else self._locator.locate(lon, lat)

    def centre_of(self, code: str) -> tuple[float, float] | None:
        """A cell's centre; None for a cell not known, and before the first build."""
        return None if self._locator is None else self._locator.centre_of(code)

    async def start(self, feed: ChangeFeed | None = None) -> None:
        """Follow the feed's boundary imports and build the first locator; returns once it
        is built. An import that arrives while it is being built builds it again."""
        if feed is not None and not self._following:
            feed.subscribe(self.apply_events)
            self._following = True
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._rebuild())
        await self.settled()

    def apply_events(self, events: list[Event]) -> None:
        if not any(e.kind == Kind.BOUNDARIES for e in events):
            return
        if self._task is not None and not self._task.done():
            self._again = True  # one more build after the one under way
            return
        self._task = asyncio.get_running_loop().create_task(self._rebuild())

    async def _rebuild(self) -> None:
        self._again = True
        while self._again:
            self._again = False
            self._locator = await Locator.load(self._store)

    async def settled(self) -> None:
        """Return once no build is under way (tests; a pane that must have the newest)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
