from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tweespraak.notify.worker import Worker


class Command(BaseCommand):
    help = (
        "Run the background worker: sends reminders and summaries, builds large exports. "
        "Run one or more next to the web server; SIGTERM stops it after the current task."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--poll", type=float, default=2.0, help="Seconds between rounds.")
        parser.add_argument("--name", help="Name in logs and claims (default host:pid).")
        parser.add_argument(
            "--max-seconds", type=float, default=None, help="Stop after this long (for tests)."
        )
        parser.add_argument("--once", action="store_true", help="Do one round and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        worker = Worker(name=options["name"], poll_seconds=options["poll"])
        if options["once"]:
            worker.run_once()
            return
        worker.run(max_seconds=options["max_seconds"])
