"""The `tweespraak` console command: Django's manage.py under the product's name.

`tweespraak migrate`, `tweespraak demo`, `tweespraak import-people FILE.csv`, ...
Commands with a dash are the management commands with an underscore.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tweespraak.settings")
    args = list(sys.argv if argv is None else argv)
    args[0] = "tweespraak"
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads the settings, so bad values stop here
        execute_from_command_line(args)
    except ImproperlyConfigured as error:
        sys.stderr.write(f"tweespraak: configuration error: {error}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
