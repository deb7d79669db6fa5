"""A failed login is sorted by what libpq knows (did a server answer, with and
without TLS; did it want a password), never by the server's words."""

import socket
from dataclasses import replace

import pytest

from console.accounts.login import Target, try_login


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tcp_target(admin_url: str) -> Target:
    target = Target.from_url(admin_url)
    if target.host.startswith("/"):
        pytest.skip("the test server is reached over a socket, where TLS does not apply")
    return target


async def test_nobody_listening_is_unreachable(admin_url: str) -> None:
    target = replace(Target.from_url(admin_url), host="127.0.0.1", port=free_port())
    problem = await try_login(target, "whatever-1")
    assert problem is not None and problem.code == "login.unreachable"


async def test_a_server_without_the_tls_asked_for_is_a_tls_problem(admin_url: str) -> None:
    target = replace(tcp_target(admin_url), sslmode="verify-full")
    problem = await try_login(target, None)
    assert problem is not None and problem.code == "login.tls"


async def test_a_refusal_before_any_password_is_told_as_such(admin_url: str) -> None:
    target = replace(Target.from_url(admin_url), database="hc_no_such_database")
    problem = await try_login(target, None)
    assert problem is not None and problem.code == "login.other"
