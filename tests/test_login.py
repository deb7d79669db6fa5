"""Why a login failed, in words a person can act on, with no secret in them."""

import psycopg

from console.accounts.login import Target, classify

SECRET = "Test-Secret-55012!"


def test_failures_are_sorted_and_the_password_is_masked() -> None:
    cases = {
        'FATAL:  password authentication failed for user "li"': "login.password",
        "fe_sendauth: no password supplied": "login.password",
        'FATAL:  role "li" is not permitted to log in': "login.disabled",
        'FATAL:  role "nobody" does not exist': "login.password",
        "connection to server at \"10.0.0.9\", port 5432 failed: Connection refused":
            "login.unreachable",
        "could not translate host name \"db.centre\" to address": "login.unreachable",
        "connection to server failed: timeout expired": "login.unreachable",
        "SSL error: certificate verify failed": "login.tls",
        "something else " + SECRET: "login.other",
    }
    for message, code in cases.items():
        problem = classify(psycopg.OperationalError(message), SECRET)
        assert problem.code == code, message
        assert SECRET not in problem.detail


def test_targets_round_trip_through_urls_without_the_password() -> None:
    target = Target.from_url("postgresql://li@db.centre:6432/hotline"
                             "?sslmode=verify-full&sslrootcert=/etc/ca.pem")
    assert (target.host, target.port, target.database, target.user) == (
        "db.centre", 6432, "hotline", "li")
    assert (target.sslmode, target.ca_file, target.key) == (
        "verify-full", "/etc/ca.pem", "li@db.centre:6432")
    from sqlalchemy import make_url

    assert make_url(target.url(SECRET)).password == SECRET
    assert "Test-Secret" not in target.shown()
    assert Target.from_url(target.url(SECRET)) == target
