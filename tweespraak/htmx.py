"""The same view serves the whole page or, for an htmx request, only its fragment."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request as HtmxMiddleware leaves it: for type hints in views that read `htmx`."""

    htmx: HtmxDetails


def render_page_or_fragment(
    request: HttpRequest, page: str, fragment: str, context: dict[str, Any]
) -> HttpResponse:
    """Render `fragment` for an htmx swap, `page` otherwise (also when htmx restores history)."""
    htmx = getattr(request, "htmx", None)
    template = fragment if htmx and not htmx.history_restore_request else page
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
