"""Why a login failed, in words a person can act on, with no secret in them."""

import psycopg

from console.accounts.login import Facts, Target, classify

SECRET = "Test-Secret-55012!"


def test_failures_are_sorted_by_facts_and_the_password_is_masked() -> None:
    cases = {
        Facts(answers=True, answers_without_tls=True, wanted_password=True): "login.password",
        Facts(answers=False, answers_without_tls=False, wanted_password=False):
            "login.unreachable",
        Facts(answers=False, answers_without_tls=True, wanted_password=False): "login.tls",
        Facts(answers=True, answers_without_tls=True, wanted_password=False): "login.other",
    }
    # The server's words play no part: the same message under every set of facts.
    message = f'致命错误:  用户 "li" Password 认证失败 {SECRET}'
    for facts, code in cases.items():
        problem = classify(facts, psycopg.OperationalError(message), SECRET)
        assert problem.code == code, facts
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
