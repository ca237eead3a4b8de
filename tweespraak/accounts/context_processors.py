from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tweespraak.accounts.models import Person


def navigation(request: HttpRequest) -> dict[str, object]:
    """The main navigation, by role. Each item: label, URL, and whether it is current."""
    user = getattr(request, "user", None)
    if not isinstance(user, Person):
        return {"nav_items": []}
    items = [
        (_("Home"), reverse("home")),
        (_("1:1s"), reverse("series:list")),
        (_("Agreements"), reverse("agreements:mine")),
    ]
    if user.is_workspace_admin or user.is_hr:
        items.append((_("Overview"), reverse("series:overview")))
        items.append((_("People"), reverse("people:list")))
        items.append((_("Teams"), reverse("teams:list")))
    if user.is_workspace_admin:
        items.append((_("Mail log"), reverse("notify:log")))
    path = request.path
    nav = [
        {
            "label": label,
            "url": url,
            "current": path == url or (url != "/" and path.startswith(url)),
        }
        for label, url in items
    ]
    return {"nav_items": nav}


def _is_current(path: str, url: str) -> bool:
    return path == url or (url != "/" and path.startswith(url))
