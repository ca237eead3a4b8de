"""Start-up checks of the e-mail settings that are valid types but likely wrong."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register


@register(Tags.compatibility)
def check_email_port(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Port 465 speaks TLS from the first byte (EMAIL_USE_SSL); 587 starts plain (STARTTLS)."""
    if not settings.EMAIL_HOST:
        return []
    port, use_tls, use_ssl = settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL
    if port == 465 and not use_ssl:
        return [
            Warning(
                "EMAIL_PORT is 465 but EMAIL_USE_SSL is off: mail will time out or be refused.",
                hint="Port 465 expects a TLS connection from the start: set EMAIL_USE_SSL=1 "
                "(and EMAIL_USE_TLS=0), or use port 587 with EMAIL_USE_TLS=1.",
                id="notify.W001",
            )
        ]
    if port == 587 and not use_tls:
        return [
            Warning(
                "EMAIL_PORT is 587 but EMAIL_USE_TLS is off: most servers refuse mail "
                "sent without STARTTLS on this port.",
                hint="Set EMAIL_USE_TLS=1 (and EMAIL_USE_SSL=0), or use port 465 with "
                "EMAIL_USE_SSL=1.",
                id="notify.W002",
            )
        ]
    return []
