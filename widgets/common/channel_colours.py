"""One colour per intake channel, the same in every chart and list that tells channels
apart (the statistics pane, reports). Distinct for the colour-blind (Okabe and Ito's
set, lightened to read on the dark charts of a night shift)."""

from __future__ import annotations

from console.hotline.channels import CHANNELS

COLOURS = {
    "phone_12345": "#56b4e9",    # sky blue
    "wechat": "#009e73",         # bluish green
    "app": "#e69f00",            # orange
    "hotline_12319": "#f0e442",  # yellow
    "mailbox": "#cc79a7",        # reddish purple
    "landline": "#d55e00",       # vermilion
    "web": "#b0b0b0",            # grey
    "grid_worker": "#7fa7ff",    # light blue
}
OTHER = "#ffffff"  # a channel the list does not know
assert set(COLOURS) == set(CHANNELS)


def channel_colour(code: str) -> str:
    return COLOURS.get(code, OTHER)
