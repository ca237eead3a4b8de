"""Start-up checks warn about an SMTP port that does not match the TLS choice."""

from __future__ import annotations

import pytest

from tweespraak.notify.checks import check_email_port


def ids(settings) -> list[str]:  # type: ignore[no-untyped-def]
    return [message.id for message in check_email_port()]


@pytest.mark.parametrize(
    ("port", "tls", "ssl", "expected"),
    [
        (465, False, False, ["notify.W001"]),
        (465, True, False, ["notify.W001"]),
        (465, False, True, []),
        (587, False, False, ["notify.W002"]),
        (587, False, True, ["notify.W002"]),
        (587, True, False, []),
        (25, False, False, []),
        (2525, True, False, []),
    ],
)
def test_the_port_is_checked_against_tls_and_ssl(settings, port, tls, ssl, expected):
    settings.EMAIL_HOST = "smtp.example.org"
    settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL = port, tls, ssl
    assert ids(settings) == expected


def test_the_warning_is_a_warning_with_a_hint(settings):
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_SSL = (
        "smtp.example.org",
        465,
        False,
    )
    [warning] = check_email_port()
    assert warning.is_serious() is False  # the site still starts
    assert "EMAIL_USE_SSL=1" in warning.hint


def test_nothing_is_checked_without_a_mail_server(settings):
    settings.EMAIL_HOST, settings.EMAIL_PORT = "", 465
    assert check_email_port() == []


def test_the_check_runs_with_django_s_own_checks(settings):
    from django.core import checks

    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = (
        "smtp.example.org",
        587,
        False,
    )
    assert "notify.W002" in [message.id for message in checks.run_checks()]
