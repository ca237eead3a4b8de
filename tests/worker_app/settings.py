"""The production settings plus the test-only app with a mail builder and a job handler."""

from tweespraak.settings import *  # noqa: F403
from tweespraak.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.worker_app"]
