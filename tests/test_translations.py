"""Every UI string exists in Dutch and English, and the compiled catalogues are current."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "tweespraak" / "locale"

pytestmark = pytest.mark.skipif(
    shutil.which("xgettext") is None and os.environ.get("CI") != "true",
    reason="gettext is not installed (make test installs it)",
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> polib.POFile:
    """Run makemessages on a copy of the code and read what it extracts."""
    copy = tmp_path_factory.mktemp("messages")
    shutil.copytree(
        ROOT / "tweespraak",
        copy / "tweespraak",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "static"),
    )
    (copy / "tweespraak" / "locale").mkdir()
    subprocess.run(
        [sys.executable, "-m", "tweespraak.cli", "makemessages", "-l", "nl", "--no-location"],
        cwd=copy / "tweespraak",
        env={
            "PATH": os.environ["PATH"],
            "PYTHONPATH": str(copy),
            "DEBUG": "1",
            "TWEESPRAAK_DATA_DIR": str(copy / "var"),
        },
        check=True,
        capture_output=True,
        timeout=120,
    )
    return polib.pofile(str(copy / "tweespraak" / "locale" / "nl" / "LC_MESSAGES" / "django.po"))


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_ui_string_is_in_the_catalogue(extracted, language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    known = {_key(entry) for entry in catalogue if not entry.obsolete}
    missing = [entry.msgid for entry in extracted if _key(entry) not in known]
    assert not missing, f"run `make messages` and translate: {missing[:20]}"


def test_every_dutch_string_is_translated():
    catalogue = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"Dutch missing for: {untranslated[:20]}"
    assert not fuzzy, f"Dutch marked fuzzy (check them): {fuzzy[:20]}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_compiled_catalogue_matches_the_po_file(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))
    compiled = {_key(entry): (entry.msgstr, entry.msgstr_plural) for entry in mo}
    for entry in po.translated_entries():
        assert compiled.get(_key(entry)) == (entry.msgstr, entry.msgstr_plural), (
            f"django.mo is older than django.po for {entry.msgid!r}: run `make messages`"
        )
