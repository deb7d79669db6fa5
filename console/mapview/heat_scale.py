"""The heat layer's measures and colour scales (console/mapview/heat.py says what they
mean), apart from its reading so that what only draws a map's classes (the report's
PDF, in a child process) imports numpy and nothing of the database's.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

NO_CASES, NOT_JUDGED, TOO_FEW = -1, -2, -3  # an area's class when it has no colour of the scale
MIN_FOR_RATE = 5  # judged cases an area needs for its on-time rate to be coloured


class Measure(enum.StrEnum):
    CASES = "cases"
    OVERDUE = "overdue"
    ON_TIME_RATE = "on_time_rate"


# ---- scales ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One class of a scale: values from ``low`` to ``high`` (counts: both
    included; rates: ``low`` included, ``high`` not, except 100%)."""

    low: float
    high: float
    colour: str  # "#rrggbb"
    label: str  # digits and signs only: "1–4", "≥99%"


@dataclass(frozen=True)
class Scale:
    measure: Measure
    steps: tuple[Step, ...]

    @property
    def diverging(self) -> bool:
        return self.measure is Measure.ON_TIME_RATE

    def classes(self, values: npt.ArrayLike) -> npt.NDArray[np.intp]:
        """Each value's class (an index into ``steps``); NaN: ``NO_CASES``."""
        v = np.asarray(values, dtype=np.float64)
        out = np.full(v.shape, NO_CASES, dtype=np.intp)
        known = ~np.isnan(v)
        if not self.steps or not known.any():
            return out
        if self.diverging:
            breaks = np.array([s.low for s in self.steps[1:]])
            out[known] = np.searchsorted(breaks, v[known], side="right")
        else:
            highs = np.array([s.high for s in self.steps])
            out[known] = np.minimum(np.searchsorted(highs, v[known], side="left"),
                                    len(highs) - 1)
        return out


# Sequential ramps, light to dark, and the diverging ramp, worst to best.
CASE_COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5")
OVERDUE_COLOURS = ("#fdd0a2", "#fdae6b", "#f16913", "#d94801", "#8c2d04")
OVERDUE_NONE = "#fff5eb"
RATE_COLOURS = ("#d73027", "#fc8d59", "#fee090", "#91bfdb", "#4575b4")
RATE_BREAKS = (0.80, 0.90, 0.95, 0.99)
NOT_JUDGED_COLOUR = "#bdbdbd"
TOO_FEW_COLOUR = "#eceff1"  # pale, under a dotted pattern (widgets/map/heat_layer.py)
QUANTILES = (0.2, 0.4, 0.6, 0.8)


def rate_scale() -> Scale:
    edges = (0.0, *RATE_BREAKS, 1.0)
    labels = [f"<{_pct(RATE_BREAKS[0])}"]
    labels += [f"{_pct(a)}–{_pct(b)}" for a, b in zip(RATE_BREAKS, RATE_BREAKS[1:], strict=False)]
    labels.append(f"≥{_pct(RATE_BREAKS[-1])}")
    return Scale(Measure.ON_TIME_RATE, tuple(
        Step(low, high, colour, label) for low, high, colour, label
        in zip(edges[:-1], edges[1:], RATE_COLOURS, labels, strict=True)))


def _pct(share: float) -> str:
    return f"{share * 100:g}%"


def count_scale(measure: Measure, values: Sequence[int]) -> Scale:
    """Quintile classes of the positive values (whole numbers), lightest to darkest;
    a 0 among the values has a class of its own."""
    v = np.asarray(values, dtype=np.int64)
    ramp = CASE_COLOURS if measure is Measure.CASES else OVERDUE_COLOURS
    steps = []
    if (v == 0).any():
        steps.append(Step(0, 0, OVERDUE_NONE if measure is Measure.OVERDUE else ramp[0], "0"))
    positive = np.sort(v[v > 0])
    if len(positive):
        highs = sorted({*(math.ceil(q) for q in np.quantile(positive, QUANTILES)),
                        int(positive[-1])})
        colours = [ramp[round(i)] for i in np.linspace(0, len(ramp) - 1, len(highs))] \
            if len(highs) > 1 else [ramp[len(ramp) // 2]]
        low = int(positive[0])
        for high, colour in zip(highs, colours, strict=True):
            steps.append(Step(low, high, colour, f"{low}" if low == high else f"{low}–{high}"))
            low = high + 1
    return Scale(measure, tuple(steps))
