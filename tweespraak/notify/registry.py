"""What the worker knows how to do: job handlers, mail builders and schedulers.

Each area registers its own in its module (e.g. `tweespraak/notify/reminders.py`),
imported by `load()`; the worker and the tests call `load()` once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.mail import EmailMultiAlternatives

# Modules that register handlers. Add a module here when an area adds background work.
MODULES: list[str] = []


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
    for module in MODULES:
        importlib.import_module(module)
