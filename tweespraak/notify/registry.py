"""What the worker knows how to do: job handlers, mail builders and schedulers.

Each app registers its own in a module named `background.py` (e.g.
`tweespraak/exports/background.py`); `load()` imports those of all installed apps,
as Django's admin does with `admin.py`. The worker and the tests call `load()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.mail import EmailMultiAlternatives


@dataclass
class BuiltMail:
    """What a mail builder returns: the template trio's base name and its context."""

    template: str
    context: dict[str, Any]
    attachments: list[tuple[str, bytes, str]] = field(default_factory=list)
    # Return None from a builder when the mail no longer makes sense (e.g. a cancelled
    # meeting): the row is then closed without sending.
    customise: Callable[[EmailMultiAlternatives], None] | None = None


JOB_HANDLERS: dict[str, Callable[[Any], None]] = {}
MAIL_BUILDERS: dict[str, Callable[[Any], BuiltMail | None]] = {}
SCHEDULERS: list[Callable[[], int]] = []


def job_handler(kind: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    def register(function: Callable[[Any], None]) -> Callable[[Any], None]:
        JOB_HANDLERS[kind] = function
        return function

    return register


def mail_builder(
    kind: str,
) -> Callable[[Callable[[Any], BuiltMail | None]], Callable[[Any], BuiltMail | None]]:
    def register(function: Callable[[Any], BuiltMail | None]) -> Callable[[Any], BuiltMail | None]:
        MAIL_BUILDERS[kind] = function
        return function

    return register


def scheduler(function: Callable[[], int]) -> Callable[[], int]:
    """A function run every worker tick that queues due work and returns how much."""
    SCHEDULERS.append(function)
    return function


def load() -> None:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("background")
