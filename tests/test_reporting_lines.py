"""Reporting lines keep their history, so past 1:1s stay with the right people."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import make_person
from tweespraak.accounts.models import ReportingLine

JAN = datetime.date(2026, 1, 1)
JUN = datetime.date(2026, 6, 1)


def test_a_new_manager_closes_the_old_line_on_the_effective_date(cast):
    bram = cast.bram
    bram.reporting_lines.update(starts_on=JAN)
    bram.set_manager(cast.chris, effective=JUN)
    assert bram.manager == cast.chris
    assert bram.manager_on(JUN - datetime.timedelta(days=1)) == cast.anouk
    assert bram.manager_on(JUN) == cast.chris
    old, new = bram.reporting_lines.order_by("starts_on")
    assert (old.manager, old.starts_on, old.ends_on) == (cast.anouk, JAN, JUN)
    assert (new.manager, new.starts_on, new.ends_on) == (cast.chris, JUN, None)


def test_a_change_on_the_day_the_line_started_corrects_it(cast):
    cast.bram.set_manager(cast.chris)
    assert cast.bram.reporting_lines.count() == 1
    assert cast.bram.reporting_lines.get().manager == cast.chris


def test_removing_the_manager_ends_the_line(cast):
    cast.bram.reporting_lines.update(starts_on=JAN)
    cast.bram.set_manager(None, effective=JUN)
    assert cast.bram.manager is None
    assert cast.bram.reporting_lines.get().ends_on == JUN
    assert cast.bram.manager_on(JUN) is None


def test_setting_the_same_manager_again_changes_nothing(cast):
    line = cast.bram.reporting_lines.get()
    cast.bram.set_manager(cast.anouk, effective=JUN)
    assert list(cast.bram.reporting_lines.all()) == [line]


def test_nobody_can_manage_themself(cast):
    with pytest.raises(ValidationError, match="own manager"):
        cast.anouk.set_manager(cast.anouk)


def test_a_cycle_in_reporting_lines_is_refused(cast):
    # Bram reports to Anouk; Anouk reporting to Bram would close a loop.
    with pytest.raises(ValidationError, match="cycle"):
        cast.anouk.set_manager(cast.bram)
    cast.anouk.refresh_from_db()
    assert cast.anouk.manager is None


def test_a_longer_cycle_is_refused_too(cast):
    ellen = make_person(cast.workspace, "Ellen Peeters", "ellen@werkplaats.test")
    cast.anouk.set_manager(ellen)
    with pytest.raises(ValidationError, match="cycle"):
        ellen.set_manager(cast.bram)


def test_a_manager_from_another_workspace_is_refused(cast):
    with pytest.raises(ValidationError, match="same workspace"):
        cast.bram.set_manager(cast.dana)


def test_the_database_allows_one_current_line_per_person(cast):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingLine.objects.create(
            workspace=cast.workspace, person=cast.bram, manager=cast.chris, starts_on=JUN
        )


def test_deactivating_a_leaver_keeps_history_and_revokes_invitations(cast):
    from tweespraak.accounts.models import Invitation

    Invitation.issue(cast.bram)
    cast.bram.deactivate()
    cast.bram.refresh_from_db()
    assert not cast.bram.is_active
    assert cast.bram.deactivated_at is not None
    assert cast.bram.reporting_lines.count() == 1
    assert not Invitation.objects.usable().filter(person=cast.bram).exists()
