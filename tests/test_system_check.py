"""What a seat lacks for a window is said with the packages to install."""

from widgets.shell.system_check import debian_package, missing_libraries

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f1)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f2)
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
"""


def test_the_missing_libraries_are_read_from_ldd_once_each() -> None:
    assert missing_libraries(LDD) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4",
                                      "libxkbcommon-x11.so.0"]
    assert missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_library_names_map_to_debian_packages() -> None:
    assert [debian_package(n) for n in ("libxcb-cursor.so.0", "libxcb-icccm.so.4",
                                        "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0",
                                        "libEGL.so.1", "libdbus-1.so.3")] == [
        "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0",
        "libegl1", "libdbus-1-3"]
