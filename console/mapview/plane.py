"""A local plane for drawing: longitude and latitude (degrees, GCJ-02 or WGS-84 as
stored) to kilometres east and north of a reference point, and back.

An equirectangular projection about the district's middle: over a district some
30 km across its scale errs by well under 1%, so distances and shapes on screen
look right, with no projection library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_AT_EQUATOR = 111.320
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Plane:
    lon0: float
    lat0: float

    @property
    def kx(self) -> float:
        return KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(self.lat0))

    def to_xy(self, lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[Floats, Floats]:
        lon_a = np.asarray(lon, dtype=np.float64)
        lat_a = np.asarray(lat, dtype=np.float64)
        return (lon_a - self.lon0) * self.kx, (lat_a - self.lat0) * KM_PER_DEGREE_LAT

    def to_lonlat(self, x: float, y: float) -> tuple[float, float]:
        return self.lon0 + x / self.kx, self.lat0 + y / KM_PER_DEGREE_LAT


def plane_for(lons: npt.ArrayLike, lats: npt.ArrayLike) -> Plane:
    """The plane centred on the middle of these points' extent."""
    lon_a, lat_a = np.asarray(lons, dtype=np.float64), np.asarray(lats, dtype=np.float64)
    if lon_a.size == 0:
        return Plane(0.0, 0.0)
    return Plane(float(lon_a.min() + lon_a.max()) / 2, float(lat_a.min() + lat_a.max()) / 2)
