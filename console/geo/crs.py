"""WGS-84 and GCJ-02, the two coordinate systems a district's boundaries come in.

GCJ-02 is the system of Chinese web maps (AMap, Tencent): WGS-84 moved by a
published, deterministic offset of a few hundred metres inside China and not at
all outside it. The console stores every boundary and every case's point in
GCJ-02; a WGS-84 file is converted on import. The forward formula is the
published one; the inverse has no closed form and is found by fixed-point
iteration to well under a millimetre.

The functions take and give numpy arrays (any shape, longitude and latitude
apart), so a whole polygon converts in one call; ``geometry_to_gcj02`` converts
a shapely geometry.
"""

from __future__ import annotations

import enum
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

# Krasovsky 1940, the ellipsoid the offset is defined on.
_A = 6378245.0
_EE = 0.00669342162296594323
# Outside this box the offset is zero (the published rule).
CHINA_LON = (72.004, 137.8347)
CHINA_LAT = (0.8293, 55.8271)
_INVERSE_TOLERANCE = 1e-10  # degrees: about 0.01 mm
_INVERSE_STEPS = 30


class Crs(enum.StrEnum):
    GCJ02 = "GCJ-02"
    WGS84 = "WGS-84"


def in_china(lon: Any, lat: Any) -> Any:
    """Where the offset applies (elementwise)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return ((lon >= CHINA_LON[0]) & (lon <= CHINA_LON[1])
            & (lat >= CHINA_LAT[0]) & (lat <= CHINA_LAT[1]))


def _offset(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The published offset (degrees of longitude, of latitude) at a WGS-84 point."""
    x, y = lon - 105.0, lat - 35.0
    pi = np.pi
    common = (20.0 * np.sin(6.0 * x * pi) + 20.0 * np.sin(2.0 * x * pi)) * 2.0 / 3.0
    d_lat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
             + 0.2 * np.sqrt(np.abs(x)) + common
             + (20.0 * np.sin(y * pi) + 40.0 * np.sin(y / 3.0 * pi)) * 2.0 / 3.0
             + (160.0 * np.sin(y / 12.0 * pi) + 320.0 * np.sin(y * pi / 30.0)) * 2.0 / 3.0)
    d_lon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y
             + 0.1 * np.sqrt(np.abs(x)) + common
             + (20.0 * np.sin(x * pi) + 40.0 * np.sin(x / 3.0 * pi)) * 2.0 / 3.0
             + (150.0 * np.sin(x / 12.0 * pi) + 300.0 * np.sin(x / 30.0 * pi)) * 2.0 / 3.0)
    rad_lat = lat / 180.0 * pi
    magic = 1.0 - _EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * pi)
    d_lon = (d_lon * 180.0) / (_A / sqrt_magic * np.cos(rad_lat) * pi)
    inside = in_china(lon, lat)
    return np.where(inside, d_lon, 0.0), np.where(inside, d_lat, 0.0)


def wgs84_to_gcj02(lon: Any, lat: Any) -> tuple[np.ndarray, np.ndarray]:
    """WGS-84 -> GCJ-02 (elementwise)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    d_lon, d_lat = _offset(lon, lat)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon: Any, lat: Any) -> tuple[np.ndarray, np.ndarray]:
    """GCJ-02 -> WGS-84 (elementwise): the WGS-84 point whose forward conversion
    gives this one, by iteration (the offset changes slowly, so each step takes
    off nearly all the remaining error)."""
    g_lon, g_lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    w_lon, w_lat = g_lon.copy(), g_lat.copy()
    for _ in range(_INVERSE_STEPS):
        f_lon, f_lat = wgs84_to_gcj02(w_lon, w_lat)
        e_lon, e_lat = f_lon - g_lon, f_lat - g_lat
        w_lon, w_lat = w_lon - e_lon, w_lat - e_lat
        if max(float(np.max(np.abs(e_lon), initial=0.0)),
               float(np.max(np.abs(e_lat), initial=0.0))) < _INVERSE_TOLERANCE:
            break
    return w_lon, w_lat


def _coords(convert: Any) -> Any:
    def on(xy: np.ndarray) -> np.ndarray:
        lon, lat = convert(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])
    return on


def geometry_to_gcj02(geometry: BaseGeometry, crs: Crs) -> BaseGeometry:
    """The geometry in GCJ-02 (unchanged when it is already)."""
    if crs is Crs.GCJ02:
        return geometry
    return shapely.transform(geometry, _coords(wgs84_to_gcj02))


def geometry_to_wgs84(geometry: BaseGeometry, crs: Crs) -> BaseGeometry:
    """The geometry in WGS-84 (unchanged when it is already)."""
    if crs is Crs.WGS84:
        return geometry
    return shapely.transform(geometry, _coords(gcj02_to_wgs84))
