"""Bearer-token authentication for the API: the token acts as its person."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import AuthorizationError
from ninja.security import HttpBearer

from tweespraak.api.models import AccessToken

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def check_scope(token: AccessToken, method: str) -> None:
    """Reading needs any token; anything else needs the write scope (403 otherwise)."""
    if method.upper() not in SAFE_METHODS and not token.can_write:
        raise AuthorizationError(
            message="This token may only read. Use a token with the write scope."
        )


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> AccessToken | None:
        access = AccessToken.find_usable(token)
        if access is None:
            return None
        check_scope(access, request.method or "GET")
        access.touch()
        request.user = access.person
        return access
