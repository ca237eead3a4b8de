"""A safety net over all routes: every page but the public few sends strangers to login.

Each area has its own permission tests (outsider 404, wrong role 403); this test
makes sure no new route slips through without a login check.
"""

from __future__ import annotations

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC = {
    "login",
    "set_language",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "invitation_accept",
    "feed",  # calendars:feed: the secret token is the key (tests/test_calendar_feed.py)
}


def _named_routes(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _sample_kwargs(pattern: URLPattern) -> dict[str, object]:
    kwargs: dict[str, object] = {}
    for name, converter in pattern.pattern.converters.items():
        kind = type(converter).__name__
        kwargs[name] = {
            "UUIDConverter": uuid.uuid4(),
            "IntConverter": 1,
        }.get(kind, "sample")
    return kwargs


# The JSON API (namespace `api`) has no login page: it answers strangers with a 401
# JSON error instead (tests/test_api_schema.py checks every API path).
ROUTES = sorted(
    (name, pattern)
    for name, pattern in _named_routes()
    if name.split(":")[-1] not in PUBLIC and not name.startswith("api:")
)


def test_there_are_routes_to_check():
    assert len(ROUTES) >= 3


@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=[name for name, _ in ROUTES])
def test_anonymous_visitor_is_sent_to_login(client, db, name, pattern):
    url = reverse(name, kwargs=_sample_kwargs(pattern))
    for method in (client.get, client.post):
        response = method(url)
        if response.status_code == 405:
            continue
        assert response.status_code == 302, f"{method.__name__.upper()} {url}"
        assert response["Location"].startswith(reverse("login")), url
