"""Every API error is JSON of one shape, whatever raised it."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled

from tweespraak.api.api import api


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (AuthenticationError(), 401, "unauthorized"),
        (AuthorizationError(message="No."), 403, "forbidden"),
        (PermissionDenied(), 403, "forbidden"),
        (Http404(), 404, "not_found"),
        (RequestDataTooBig(), 413, "too_large"),
        (Throttled(wait=30), 429, "rate_limited"),
        (HttpError(412, "Stale version."), 412, "precondition_failed"),
    ],
)
def test_errors_are_json_with_code_message_and_fields(rf, error, status, code):
    response = api.on_exception(rf.get("/api/v1/me"), error)
    assert response.status_code == status
    body = json.loads(response.content)
    assert body == {"error": {"code": code, "message": body["error"]["message"], "fields": {}}}
    assert body["error"]["message"]


def test_too_many_requests_says_when_to_retry(rf):
    response = api.on_exception(rf.get("/api/v1/me"), Throttled(wait=30))
    assert response["Retry-After"] == "30"


def test_unauthorized_asks_for_a_bearer_token(rf):
    response = api.on_exception(rf.get("/api/v1/me"), AuthenticationError())
    assert response["WWW-Authenticate"] == "Bearer"
