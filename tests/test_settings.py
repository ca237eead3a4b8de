"""Start-up configuration: bad environment values stop the app with a message naming them."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_tweespraak(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean_env = {
        "PATH": os.environ["PATH"],
        "TWEESPRAAK_DATA_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "tweespraak.cli", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "tweespraak.example.org",
    "EMAIL_HOST": "smtp.example.org",
}


def test_deploy_check_passes_with_a_production_environment(tmp_path):
    result = run_tweespraak(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be a yes/no value"),
        ("EMAIL_PORT", "twenty-five", "EMAIL_PORT must be a whole number"),
        ("DATABASE_URL", "mysql://db/x", "DATABASE_URL must point to PostgreSQL or SQLite"),
        ("DATABASE_URL", "not a url", "DATABASE_URL"),
        ("TIME_ZONE", "Mars/Olympus", "TIME_ZONE must be a time zone"),
        ("LOGIN_FAILURE_LIMIT", "0", "LOGIN_FAILURE_LIMIT must be at least 1"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(tmp_path, variable, value, message):
    result = run_tweespraak(tmp_path, "check", **{**PRODUCTION, variable: value})
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_production_without_secret_key_is_refused(tmp_path):
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    result = run_tweespraak(tmp_path, "check", **env)
    assert result.returncode == 2
    assert "SECRET_KEY must be set" in result.stderr


def test_production_without_mail_server_is_refused(tmp_path):
    env = {key: value for key, value in PRODUCTION.items() if key != "EMAIL_HOST"}
    result = run_tweespraak(tmp_path, "check", **env)
    assert result.returncode == 2
    assert "EMAIL_HOST must be set" in result.stderr


def test_tls_and_ssl_together_are_refused(tmp_path):
    result = run_tweespraak(tmp_path, "check", EMAIL_USE_TLS="1", EMAIL_USE_SSL="1", **PRODUCTION)
    assert result.returncode == 2
    assert "EMAIL_USE_TLS and EMAIL_USE_SSL" in result.stderr


def test_development_server_keeps_its_own_secret_key(tmp_path):
    first = run_tweespraak(tmp_path, "check", DEBUG="1")
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50
    assert oct(key_file.stat().st_mode)[-3:] == "600"
    run_tweespraak(tmp_path, "check", DEBUG="1")
    assert key_file.read_text() == key


def test_command_names_with_dashes_reach_the_management_command(tmp_path):
    result = run_tweespraak(tmp_path, "import-people", "--help", DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "name,email,manager_email,team,role,language" in result.stdout
