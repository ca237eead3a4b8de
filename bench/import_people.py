"""How fast is the people import? `python bench/import_people.py [--rows 10000]`.

Sets up a throwaway database (SQLite in a temporary folder, or a PostgreSQL database
created for the run and dropped afterwards with --database-url postgres://...), writes
a realistic file (a manager hierarchy several levels deep, ~50 teams, some roles), and
times the import: parsing, checking and writing. Then it imports the same file again
(everything unchanged) and once more with a tenth of the managers changed.
The last line printed is `rows_per_second=N` for the first import.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HEADER = "name,email,manager_email,team,role,language"
FIRST = ["Anouk", "Bram", "Chris", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Iris", "Jan",
         "Kees", "Lotte", "Mohamed", "Noor", "Olaf", "Priya", "Quinten", "Rosa", "Sem", "Tess",
         "Umut", "Vera", "Willem", "Yara", "Zoë", "José", "Ömer", "Chloë"]  # fmt: skip
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "El Amrani", "Öztürk", "Kramer", "van Dijk"]  # fmt: skip


def generate(rows: int, seed: int = 7) -> str:
    """A people file: a tree with eight reports per manager (five levels for 10,000),
    in shuffled order so that many people come before their manager."""
    rng = random.Random(seed)
    teams = [f"Team {number:02d}" for number in range(1, 51)]
    people: list[tuple[str, str, int | None]] = []  # name, email, index of the manager
    for index in range(rows):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        email = f"person{index:05d}@bench.test"
        manager = None if index == 0 else (index - 1) // 8
        people.append((name, email, manager))
    has_reports = {manager for _name, _email, manager in people if manager is not None}
    lines = []
    for index, (name, email, manager) in enumerate(people):
        roles = []
        if index in has_reports:
            roles.append("manager")
        if index % 500 == 1:
            roles.append("hr")
        if index < 3:
            roles.append("admin")
        member_of = [rng.choice(teams)] + ([rng.choice(teams)] if index % 7 == 0 else [])
        manager_email = people[manager][1] if manager is not None else ""
        language = "en" if index % 9 == 0 else ("nl" if index % 2 else "")
        lines.append(
            f"{name},{email},{manager_email},{'|'.join(member_of)},{'|'.join(roles)},{language}"
        )
    order = list(range(rows))
    rng.shuffle(order)
    return "\n".join([HEADER] + [lines[index] for index in order]) + "\n"


def with_changed_managers(text: str, share: float = 0.1, seed: int = 11) -> str:
    """The same file with `share` of the people moved to another (earlier) manager."""
    rng = random.Random(seed)
    header, *lines = text.splitlines()
    managers = sorted({line.split(",")[2] for line in lines if line.split(",")[2]})
    out = [header]
    for line in lines:
        cells = line.split(",")
        if cells[2] and rng.random() < share:
            # person00000 manages everyone indirectly, so this never makes a cycle.
            cells[2] = rng.choice([managers[0], "person00000@bench.test"])
        out.append(",".join(cells))
    return "\n".join(out) + "\n"


def _postgres(url: str, name: str, action: str) -> None:
    import psycopg  # only for a PostgreSQL run

    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if action == "create":
            connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument(
        "--database-url",
        default="",
        help="postgres://USER@HOST:PORT/NAME: database NAME is created and dropped for the run.",
    )
    options = parser.parse_args()

    temp = tempfile.TemporaryDirectory(prefix="tweespraak-bench-")
    postgres_name = ""
    if options.database_url.startswith(("postgres://", "postgresql://")):
        postgres_name = urlsplit(options.database_url).path.lstrip("/") or "bench_import"
        if postgres_name in {"postgres", "template0", "template1"}:
            sys.exit("Name a database for the benchmark alone; it is dropped afterwards.")
        _postgres(options.database_url, postgres_name, "create")
        os.environ["DATABASE_URL"] = options.database_url
    elif options.database_url:
        sys.exit("--database-url must be a postgres:// URL (SQLite is the default).")
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{temp.name}/bench.sqlite3"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("EMAIL_HOST", "127.0.0.1")
    os.environ["TWEESPRAAK_DATA_DIR"] = temp.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tweespraak.settings")
    sys.path.insert(0, str(ROOT))
    try:
        run(options.rows, os.environ["DATABASE_URL"])
    finally:
        from django.db import connections

        connections.close_all()
        if postgres_name:
            _postgres(options.database_url, postgres_name, "drop")
        temp.cleanup()


def run(rows: int, database_url: str) -> None:
    import django  # only after the environment is set

    django.setup()
    from django.core.management import call_command

    from tweespraak.accounts.importer import ImportReport, import_people_file
    from tweespraak.accounts.models import Person, ReportingLine, Workspace

    call_command("migrate", verbosity=0, interactive=False)
    workspace = Workspace.objects.create(name="Bench", slug="bench")
    text = generate(rows)
    data = text.encode()

    def timed(payload: bytes) -> tuple[float, ImportReport]:
        start = time.perf_counter()
        report = import_people_file(workspace, payload)
        seconds = time.perf_counter() - start
        if not report.ok:
            sys.exit("\n".join(str(error) for error in report.errors[:20]))
        return seconds, report

    seconds, report = timed(data)
    assert Person.objects.filter(workspace=workspace).count() == rows
    reimport_seconds, again = timed(data)
    changed = with_changed_managers(text).encode()
    change_seconds, moved = timed(changed)
    engine = "postgresql" if database_url.startswith("postgres") else "sqlite"
    print(f"database={engine}")
    print(f"rows={rows}")
    print(f"created={report.created}")
    print(f"teams_created={report.teams_created}")
    print(f"seconds={seconds:.2f}")
    print(f"reimport_unchanged={again.unchanged}")
    print(f"reimport_seconds={reimport_seconds:.2f}")
    print(f"manager_changes={moved.updated}")
    print(f"manager_change_seconds={change_seconds:.2f}")
    print(f"reporting_lines={ReportingLine.objects.filter(workspace=workspace).count()}")
    print(f"rows_per_second={round(rows / seconds)}")


if __name__ == "__main__":
    main()
