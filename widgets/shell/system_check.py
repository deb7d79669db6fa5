"""What the seat's system lacks for a window, said before Qt aborts over it.

On Linux, Qt's X11 platform plugin needs system libraries that a fresh Debian
or Ubuntu lacks (libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1…). Without
them Qt prints a hint and aborts the process, which Python cannot catch. So
``main`` asks first: ``ldd`` on the plugin lists what is missing, and the
library names map to Debian's package names by Debian's naming rule (the
library's name, plus a hyphen when it ends in a digit, plus its soversion).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_SONAME = re.compile(r"^(?P<name>.+?)\.so\.(?P<version>\d+)")


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` could not find, in its order, once each."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def debian_package(soname: str) -> str:
    """libxcb-icccm.so.4 → libxcb-icccm4; libxkbcommon-x11.so.0 → libxkbcommon-x11-0."""
    match = _SONAME.match(soname)
    if match is None:
        return soname
    name, version = match["name"].lower(), match["version"]
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _xcb_plugin() -> Path | None:
    import PySide6  # only its location: Qt itself is not loaded here

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def window_problem() -> str | None:
    """Why no window can open on this seat, in words with what to do; None when fine."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland…: not the X11 plugin
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return ("No display: start the console in a desktop session "
                "(for a picture without a screen: QT_QPA_PLATFORM=offscreen … --screenshot).")
    plugin, ldd = _xcb_plugin(), shutil.which("ldd")
    if plugin is None or ldd is None:
        return None
    output = subprocess.run([ldd, str(plugin)], capture_output=True, text=True,
                            check=False).stdout
    missing = missing_libraries(output)
    if not missing:
        return None
    packages = " ".join(debian_package(m) for m in missing)
    return ("The window system needs libraries this machine lacks: "
            f"{', '.join(missing)}.\nOn Debian or Ubuntu: sudo apt install {packages}")
