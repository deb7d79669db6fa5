"""The simplified district outline and a generated hexagonal grid (网格) clipped to
it, grouped into contiguous communities and streets."""

from __future__ import annotations

import collections
import json
import math
from pathlib import Path

from .places import STREETS

OUTLINE_TOLERANCE = 0.0005      # degrees (about 50 m)
PRECISION = 1e-6                # 6 decimals
TARGET_CELLS = (660, 680)
SLIVER = 0.20                   # pieces below 20 % of a full cell are merged/dropped
KM_PER_DEG_LAT = 110.574


class LocalProjection:
    """Equirectangular km projection around the district (affine, so straight
    edges stay straight and area ratios are exact)."""

    def __init__(self, lon0: float, lat0: float):
        self.lon0, self.lat0 = lon0, lat0
        self.kx = 111.320 * math.cos(math.radians(lat0))
        self.ky = KM_PER_DEG_LAT

    def to_deg(self, x, y):
        return self.lon0 + x / self.kx, self.lat0 + y / self.ky

    def to_km(self, lon, lat):
        return (lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky


def load_outline(path: Path):
    import shapely
    from shapely.geometry import shape

    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    geom = shape(fc["features"][0]["geometry"])
    simple = geom.simplify(OUTLINE_TOLERANCE, preserve_topology=True)
    simple = shapely.set_precision(simple, PRECISION)
    if simple.geom_type == "MultiPolygon":
        simple = max(simple.geoms, key=lambda g: g.area)
    return geom, simple


def hex_lattice(outline, proj: LocalProjection, side_km: float):
    """Pointy-top hexagons (in km, converted to degrees) covering the outline."""
    from shapely.geometry import Polygon

    minx, miny, maxx, maxy = outline.bounds
    x0, y0 = proj.to_km(minx, miny)
    x1, y1 = proj.to_km(maxx, maxy)
    w, h = math.sqrt(3) * side_km, 1.5 * side_km
    cells = []
    row = 0
    y = y0 - side_km
    while y < y1 + side_km:
        x = x0 - w + (w / 2 if row % 2 else 0)
        while x < x1 + w:
            pts = [proj.to_deg(x + side_km * math.cos(math.radians(30 + 60 * k)),
                               y + side_km * math.sin(math.radians(30 + 60 * k)))
                   for k in range(6)]
            cells.append(Polygon(pts))
            x += w
        y += h
        row += 1
    return cells


def shared_length(a, b) -> float:
    inter = a.boundary.intersection(b.boundary)
    return inter.length if not inter.is_empty else 0.0


def clip_grid(outline, proj, side_km):
    """Clip the lattice to the outline; merge or drop slivers.  Returns polygons."""
    import shapely
    from shapely.strtree import STRtree

    full = None
    pieces = []
    for cell in hex_lattice(outline, proj, side_km):
        if full is None:
            full = cell.area
        if not cell.intersects(outline):
            continue
        clipped = shapely.intersection(cell, outline, grid_size=PRECISION)
        for part in getattr(clipped, "geoms", [clipped]):
            if part.geom_type == "Polygon" and part.area > 0:
                pieces.append(part)
    big = [p for p in pieces if p.area >= SLIVER * full]
    small = [p for p in pieces if p.area < SLIVER * full]
    tree = STRtree(big)
    for s in small:
        best, best_len = None, 0.0
        for idx in tree.query(s):
            ln = shared_length(s, big[idx])
            if ln > best_len:
                best, best_len = idx, ln
        if best is not None and best_len > 1e-6:
            merged = shapely.union(big[best], s, grid_size=PRECISION)
            if merged.geom_type == "Polygon":
                big[best] = merged
    return big


def make_grid(outline, proj):
    """Tune the hexagon size until the cell count is in TARGET_CELLS."""
    area_km2 = outline.area * proj.kx * proj.ky
    target = sum(TARGET_CELLS) / 2
    side = math.sqrt(area_km2 / target / (1.5 * math.sqrt(3)))
    lo, hi = side * 0.8, side * 1.25
    for _ in range(40):
        cells = clip_grid(outline, proj, side)
        n = len(cells)
        if TARGET_CELLS[0] <= n <= TARGET_CELLS[1]:
            return cells, side
        if n > target:
            lo = side
        else:
            hi = side
        side = (lo + hi) / 2
    raise RuntimeError("could not tune the grid size")


def adjacency(cells) -> list[set[int]]:
    from shapely.strtree import STRtree

    tree = STRtree(cells)
    nb = [set() for _ in cells]
    for i, c in enumerate(cells):
        for j in tree.query(c):
            j = int(j)
            if j > i and shared_length(c, cells[j]) > 1e-6:
                nb[i].add(j)
                nb[j].add(i)
    return nb


def balanced_regions(points, members, seeds, targets, nb, iterations=200):
    """Split ``members`` (indices into points) into len(seeds) contiguous groups
    of roughly ``targets`` sizes: a capacity-balanced k-means (additive weights,
    i.e. a power diagram) followed by a contiguity repair on the cell graph."""
    import numpy as np

    pts = points[members]
    seeds = np.array(seeds, dtype=float)
    targets = np.array(targets, dtype=float)
    targets = targets / targets.sum() * len(members)
    w = np.zeros(len(seeds))
    scale = np.mean(np.linalg.norm(pts - pts.mean(0), axis=1)) ** 2
    for it in range(iterations):
        d = ((pts[:, None, :] - seeds[None, :, :]) ** 2).sum(-1) - w[None, :]
        lab = d.argmin(1)
        sizes = np.bincount(lab, minlength=len(seeds))
        w += 0.5 * scale * (targets - sizes) / len(members)
        if it % 5 == 4:   # gentle Lloyd step keeps the regions compact
            for k in range(len(seeds)):
                if sizes[k]:
                    seeds[k] = 0.7 * seeds[k] + 0.3 * pts[lab == k].mean(0)
    label = {m: int(g) for m, g in zip(members, lab, strict=True)}
    _repair_contiguity(label, nb)
    return label


def _repair_contiguity(label: dict[int, int], nb):
    """Give every non-largest connected piece of a group to its neighbour group."""
    changed = True
    while changed:
        changed = False
        groups = collections.defaultdict(set)
        for m, g in label.items():
            groups[g].add(m)
        for grp, cells in groups.items():
            comps, seen = [], set()
            for start in cells:
                if start in seen:
                    continue
                comp, stack = set(), [start]
                seen.add(start)
                while stack:
                    c = stack.pop()
                    comp.add(c)
                    for n in nb[c]:
                        if n in cells and n not in seen:
                            seen.add(n)
                            stack.append(n)
                comps.append(comp)
            comps.sort(key=len, reverse=True)
            for comp in comps[1:]:
                around = collections.Counter(label[n] for c in comp for n in nb[c]
                                             if n in label and label[n] != grp)
                if around:
                    new = around.most_common(1)[0][0]
                    for c in comp:
                        label[c] = new
                    changed = True
            if changed:
                break


def assign_cells(cells, district, proj, rng):
    """Label each cell with (street index, community index).

    First the cells are split into the 6 streets (seeded at rough real
    positions, sized by rough real areas), then each street into its
    communities (farthest-point seeds, sizes varied +-25 %).  Both levels are
    contiguous on the cell graph (checked again in ``check``)."""
    import numpy as np

    nb = adjacency(cells)
    pts = np.array([proj.to_km(*c.representative_point().coords[0]) for c in cells])
    members = list(range(len(cells)))
    seeds = [proj.to_km(*anchor) for _n, _c, _a, anchor in STREETS]
    street_of = balanced_regions(pts, members, seeds, [a for _n, _c, a, _s in STREETS], nb)
    result = {}
    for si, (_name, comms, _a, _anchor) in enumerate(STREETS):
        mem = [m for m in members if street_of[m] == si]
        sub = pts[mem]
        chosen = [rng.randrange(len(mem))]
        while len(chosen) < len(comms):   # farthest-point seeding
            d = np.min([((sub - sub[c]) ** 2).sum(1) for c in chosen], axis=0)
            chosen.append(int(d.argmax()))
        sizes = [rng.uniform(0.75, 1.25) for _ in comms]
        comm_of = balanced_regions(pts, mem, [sub[c] for c in chosen], sizes, nb)
        for m in mem:
            result[m] = (si, comm_of[m])
    return result
