"""Cursor pagination by (name, id): stable while people are added or renamed."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

from django.db.models import Q
from ninja.errors import ValidationError

from tweespraak.accounts.models import PersonQuerySet

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def encode_cursor(name: str, pk: uuid.UUID) -> str:
    raw = json.dumps([name, str(pk)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, pk = json.loads(raw)
        return str(name), uuid.UUID(pk)
    except (ValueError, TypeError):
        raise ValidationError(
            [{"loc": ("query", "cursor"), "msg": "This cursor is not valid.", "type": "cursor"}]
        ) from None


def page_by_name(people: PersonQuerySet, cursor: str | None, limit: int) -> dict[str, Any]:
    ordered = people.order_by("name", "id")
    if cursor:
        name, pk = decode_cursor(cursor)
        ordered = ordered.filter(Q(name__gt=name) | Q(name=name, id__gt=pk))
    rows = list(ordered[: limit + 1])
    items, more = rows[:limit], len(rows) > limit
    return {
        "items": items,
        "next_cursor": encode_cursor(items[-1].name, items[-1].pk) if more else None,
    }
