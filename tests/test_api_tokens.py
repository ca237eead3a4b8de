"""Personal access tokens: made by the command, checked by the API's bearer auth."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from ninja.errors import AuthorizationError

from tweespraak.api.api import api
from tweespraak.api.auth import TokenAuth, check_scope
from tweespraak.api.models import AccessToken, hash_token


def api_get(path: str, token: str | None = None) -> tuple[int, dict]:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token is not None else {}
    response = Client().get(f"/api/v1/{path}", **headers)
    return response.status_code, response.json()


def test_token_create_prints_the_token_once_and_stores_only_its_hash(cast):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "token", "create", "--email", "BRAM@werkplaats.test", "--scope", "write",
        "--name", "scripts", stdout=out, stderr=err,
    )  # fmt: skip
    secret = out.getvalue().strip()
    token = AccessToken.objects.get()
    assert token.person == cast.bram
    assert (token.scope, token.name) == ("write", "scripts")
    assert token.token_hash == hash_token(secret) != secret
    assert token.prefix == secret[:8]
    assert "not shown again" in err.getvalue()


def test_token_create_defaults_to_read_scope(cast):
    call_command(
        "token", "create", "--email", cast.anouk.email, stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert AccessToken.objects.get().scope == "read"


def test_token_create_refuses_an_unknown_email(cast):
    with pytest.raises(CommandError, match="No person"):
        call_command("token", "create", "--email", "nobody@x.test", stdout=io.StringIO())


def test_token_create_refuses_a_deactivated_person(cast):
    cast.chris.deactivate()
    with pytest.raises(CommandError, match="deactivated"):
        call_command("token", "create", "--email", cast.chris.email, stdout=io.StringIO())


@pytest.mark.parametrize(
    "authorization", [None, "Bearer", "Bearer tsp_not-a-real-token", "Basic abc", "Token x"]
)
def test_a_missing_or_bad_token_gets_401_json(cast, authorization):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = Client().get("/api/v1/me", **headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_a_revoked_token_gets_401(cast):
    token, secret = AccessToken.issue(cast.bram)
    assert api_get("me", secret)[0] == 200
    token.revoke()
    status, body = api_get("me", secret)
    assert status == 401
    assert body["error"]["code"] == "unauthorized"


def test_a_deactivated_persons_token_gets_401(cast):
    _, secret = AccessToken.issue(cast.bram)
    cast.bram.deactivate()
    assert api_get("me", secret)[0] == 401


def test_a_read_token_on_a_write_method_gets_403_json(cast, rf):
    """No write endpoint exists yet, so the scope check is tested on its own."""
    token, secret = AccessToken.issue(cast.bram, scope="read")
    request = rf.post("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    with pytest.raises(AuthorizationError) as raised:
        TokenAuth()(request)
    response = api.on_exception(request, raised.value)
    assert response.status_code == 403
    assert json.loads(response.content)["error"]["code"] == "forbidden"
    for method in ("PUT", "patch", "DELETE"):
        with pytest.raises(AuthorizationError):
            check_scope(token, method)
    check_scope(token, "GET")
    assert TokenAuth()(rf.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}")) == token


def test_a_write_token_passes_the_scope_check_for_every_method(cast):
    token, _ = AccessToken.issue(cast.bram, scope="write")
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        check_scope(token, method)


def test_last_used_is_recorded_at_most_once_a_minute(cast, django_assert_num_queries):
    token, secret = AccessToken.issue(cast.bram)
    api_get("me", secret)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    api_get("me", secret)
    token.refresh_from_db()
    assert token.last_used_at == first
    AccessToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    api_get("me", secret)
    token.refresh_from_db()
    assert token.last_used_at > first
