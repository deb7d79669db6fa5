"""When a seat asks a person to log in, what it says first, and what it keeps.

A shared server (``without_asking``):

- a URL that carries a password is used as given;
- else the password kept in the seat's keyring for this user, server and port
  (when the seat has a keyring and the person once asked to be remembered); one
  that no longer works is forgotten, and the person is told why they are asked;
- else the server is tried without a password (trust, certificates);
- else the person is asked, told first why when a password would not help (the
  server out of reach, TLS failing, the account disabled).

The seat's own embedded server never uses the keyring: the person types their
password at every start. Its first start makes the person at the seat its local
administrator (``make_local_admin``); later starts ask the last person who
logged in there, else that administrator.

A login form is checked before it is tried (``form_problem``); a login that
worked keeps the password in the keyring only when the person asked for it
(``attempt``). Problems are codes (see ``LoginProblem``) that the widgets put
into words.

The keyring is asked in a worker thread: a keyring backend may wait on a desktop
service (Secret Service over D-Bus, a locked wallet's prompt), and the GUI must not.
"""

from __future__ import annotations

import asyncio
import getpass
from dataclasses import dataclass, replace

from sqlalchemy import make_url

from console.accounts import accounts, login
from console.accounts.login import LoginProblem, Target
from console.core.store import Store

USER_EMPTY, CA_MISSING = "login.user_empty", "login.ca_missing"


@dataclass(frozen=True)
class Question:
    """The person must be asked: as whom and where (``target``), what to tell them
    first (``problem``, None: nothing went wrong yet), and whether the seat can keep
    the password for them."""

    target: Target
    problem: LoginProblem | None
    keyring_usable: bool


async def without_asking(url: str, *, local: bool = False) -> str | Question:
    """The URL that logs in as the person without asking them, else what to ask.
    ``local``: the seat's embedded server (no keyring)."""
    if make_url(url).password is not None:
        return url
    target = Target.from_url(url)
    remembered = (await asyncio.to_thread(login.recall, target) if not local
                  else login.Remembered(None, False))
    if remembered.password:
        problem = await login.try_login(target, remembered.password)
        if problem is None:
            return target.url(remembered.password)
        if problem.code == "login.password":
            # It changed since: ask, and keep the new one if told to.
            await asyncio.to_thread(login.forget, target)
        return Question(target, problem, remembered.keyring_usable)
    problem = await login.try_login(target, None)
    if problem is None:
        return target.url(None)
    # A password is what is missing: nothing to tell before asking for it.
    told = problem if problem.code != "login.password" else None
    return Question(target, told, remembered.keyring_usable)


def form_problem(target: Target) -> str | None:
    """What the login form still lacks before it can be tried, as a code: the user
    name, or the CA file that verifying the server's certificate needs."""
    if not target.user:
        return USER_EMPTY
    if target.sslmode == "verify-full" and not target.ca_file:
        return CA_MISSING
    return None


async def attempt(target: Target, password: str, *, remember: bool) -> str | LoginProblem:
    """Log in as ``target.user``: the URL that does (the password in memory only),
    or why not. The password goes to the keyring only if it worked and the person
    asked (a seat without a keyring simply keeps nothing)."""
    problem = await login.try_login(target, password)
    if problem is not None:
        return problem
    if remember:
        await asyncio.to_thread(login.remember, target, password)
    return target.url(password)


# ---- the seat's embedded server -------------------------------------------------------
def as_person(url: str, user: str, password: str | None = None) -> str:
    """The same server and database, logged in as ``user``."""
    return replace(Target.from_url(url), user=user).url(password)


def suggested_admin_login() -> str:
    """The login offered to the first administrator: from the computer's user name."""
    return accounts.login_from_os_user(getpass.getuser())


def _owner(owner_url: str) -> Store:
    owner = Store(owner_url, "setup")
    owner.roles = frozenset({"admin"})  # the server's owner sets the seat up
    return owner


async def local_admin(owner_url: str) -> str | None:
    """The embedded server's administrator, None before its first start is done."""
    owner = _owner(owner_url)
    try:
        return await accounts.local_admin(owner)
    finally:
        await owner.close()


async def make_local_admin(owner_url: str, login_name: str, name: str, password: str) -> str:
    """The first start: the person at the seat becomes the embedded server's
    administrator, in every group; the URL that logs in as them. Refused with
    field codes (a login name or password that will not do) like any account."""
    owner = _owner(owner_url)
    try:
        await accounts.create_account(owner, login_name, name, accounts.CENTRE_GROUPS,
                                      password)
    finally:
        await owner.close()
    return as_person(owner_url, login_name, password)
