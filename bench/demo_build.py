"""How long `tweespraak demo` takes to build the demo workspace on a fresh database.

Usage: python bench/demo_build.py [--database-url URL]
Prints `meetings=`, `migrate_seconds=` and, last, `build_seconds=`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="Default: a throwaway SQLite file.")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tweespraak-bench-demo-")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("EMAIL_HOST", "127.0.0.1")
    os.environ["TWEESPRAAK_DATA_DIR"] = folder
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tweespraak.settings")

    import django

    django.setup()
    from django.core.management import call_command

    from tweespraak.accounts import demo

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    demo.build_demo()
    built = time.perf_counter()
    from tweespraak.meetings.models import Meeting

    print(f"meetings={Meeting.objects.count()}")
    print(f"migrate_seconds={migrated - started:.2f}")
    print(f"build_seconds={built - migrated:.2f}")


if __name__ == "__main__":
    main()
