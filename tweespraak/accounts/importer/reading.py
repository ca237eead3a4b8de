"""Reading a people file: encoding, delimiter, header and rows with their line numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from django.utils.translation import gettext as _

from tweespraak.accounts.models import Language

COLUMNS = ("name", "email", "manager_email", "team", "role", "language")
REQUIRED_COLUMNS = ("name", "email")
SEPARATOR = "|"
ROLE_ALIASES = {
    "employee": "employee",
    "medewerker": "employee",
    "manager": "manager",
    "leidinggevende": "manager",
    "hr": "hr",
    "admin": "admin",
    "beheerder": "admin",
}
LANGUAGES = {code for code, _label in Language.choices}
BATCH_SIZE = 500
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class PeopleFileError(ValueError):
    """The file as a whole cannot be read: wrong encoding, missing or unknown columns."""


@dataclass(frozen=True)
class Row:
    """One line of the file, values trimmed. `columns` are the columns the file has."""

    line: int
    name: str = ""
    email: str = ""
    manager_email: str = ""
    team: str = ""
    role: str = ""
    language: str = ""
    columns: frozenset[str] = frozenset(COLUMNS)
    surplus_values: bool = False


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without byte order mark), else Windows-1252 as Excel saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise PeopleFileError(
            _("The file could not be read as text. Save it as CSV (UTF-8) and try again.")
        ) from None


def _unescape(value: str) -> str:
    """Undo the quote our export puts before a value a spreadsheet would run as formula."""
    value = value.strip()
    if value.startswith("'") and value[1:2] in FORMULA_START:
        return value[1:]
    return value


def parse_people_csv(source: bytes | str | TextIO) -> list[Row]:
    """The rows of a people file; raises PeopleFileError when the file itself is wrong.

    Line numbers are those of the file, the header being line 1. Empty lines are skipped.
    The delimiter is `,` or `;` (Dutch Excel), taken from the header line.
    """
    if isinstance(source, bytes):
        text = decode_csv(source)
    elif isinstance(source, str):
        text = source
    else:
        text = source.read()
    text = text.removeprefix("\ufeff")
    reader_source = io.StringIO(text, newline="")
    first_line = reader_source.readline()
    reader_source.seek(0)
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(reader_source, delimiter=delimiter)
    header = _read_header(reader)
    rows = []
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise PeopleFileError(
                _("Line %(line)d cannot be read: %(error)s") % {"line": line, "error": error}
            ) from None
        values = [_unescape(value) for value in values]
        if not any(values):
            continue
        cells = dict(zip(header, values, strict=False))
        rows.append(
            Row(
                line=line,
                columns=frozenset(header),
                surplus_values=any(values[len(header) :]),
                **cells,
            )
        )
    return rows


def _read_header(reader: Iterator[list[str]]) -> list[str]:
    for values in reader:
        header = [value.strip().lower() for value in values]
        if any(header):
            break
    else:
        raise PeopleFileError(_("The file is empty."))
    while header and not header[-1]:
        header.pop()  # a trailing delimiter
    expected = ", ".join(COLUMNS)
    unknown = [name or _("(empty)") for name in header if name not in COLUMNS]
    if unknown:
        raise PeopleFileError(
            _("Unknown columns: %(unknown)s. The columns are: %(expected)s.")
            % {"unknown": ", ".join(unknown), "expected": expected}
        )
    doubled = sorted({name for name in header if header.count(name) > 1})
    if doubled:
        raise PeopleFileError(
            _("These columns appear more than once: %(columns)s.") % {"columns": ", ".join(doubled)}
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise PeopleFileError(
            _(
                "The first line must name the columns; %(missing)s is missing. "
                "The columns are: %(expected)s."
            )
            % {"missing": ", ".join(missing), "expected": expected}
        )
    return header
