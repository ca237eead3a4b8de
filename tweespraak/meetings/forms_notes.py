"""Forms for notes (autosave and conflict resolution) and agreements."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tweespraak.accounts.models import Person
from tweespraak.meetings.models import MAX_NOTE, MAX_TEXT, Agreement, Series

SHARED = "shared"
PRIVATE = "private"
KIND_CHOICES = [(SHARED, _("Shared notes")), (PRIVATE, _("My private notes"))]


class NoteForm(forms.Form):
    """One autosave: the text as typed and the version it was typed on."""

    kind = forms.ChoiceField(choices=KIND_CHOICES, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Notes"),
        required=False,
        strip=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _(
                "Notes can hold at most %(limit_value)d characters; these have %(show_value)d. "
                "Your text is still here: shorten it or move part of it elsewhere."
            )
        },
    )


class ResolveForm(forms.Form):
    """The choice after a conflict: keep my text, theirs, or both one after the other."""

    KEEP_MINE = "mine"
    KEEP_THEIRS = "theirs"
    KEEP_BOTH = "both"

    kind = forms.ChoiceField(choices=KIND_CHOICES, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    mine = forms.CharField(
        label=_("Your version"),
        required=False,
        strip=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    keep = forms.ChoiceField(
        choices=[
            (KEEP_MINE, _("Keep mine")),
            (KEEP_THEIRS, _("Keep theirs")),
            (KEEP_BOTH, _("Keep both")),
        ]
    )


class AgreementForm(forms.ModelForm):
    """Who does what by when. The owner is one of the two participants."""

    # Choices from the series' two participants (already loaded): no query to render.
    owner = forms.ChoiceField(label=_("Who"))
    field_order = ["text", "owner", "due_on"]

    class Meta:
        model = Agreement
        fields = ["text", "due_on"]
        labels = {"text": _("What is agreed"), "due_on": _("By when (optional)")}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2, "maxlength": MAX_TEXT}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "text": {
                "max_length": _(
                    "An agreement can be at most %(limit_value)d characters "
                    "(it has %(show_value)d). Keep it short; details go in the notes."
                )
            }
        }

    def __init__(self, *args: Any, series: Series, me: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.series = series
        self.participants = {str(person.pk): person for person in series.participants()}
        owner_field = self.fields["owner"]
        assert isinstance(owner_field, forms.ChoiceField)
        owner_field.choices = [(pk, person.name) for pk, person in self.participants.items()]
        owner_id = me.pk if self.instance._state.adding else self.instance.owner_id
        self.initial.setdefault("owner", str(owner_id))

    def clean_owner(self) -> Person:
        person = self.participants.get(self.cleaned_data["owner"])
        if person is None:
            raise forms.ValidationError(_("The owner must be one of the two participants."))
        return person

    def clean_due_on(self) -> datetime.date | None:
        due_on: datetime.date | None = self.cleaned_data.get("due_on")
        unchanged = not self.instance._state.adding and due_on == self.instance.due_on
        if due_on is not None and due_on < timezone.localdate() and not unchanged:
            raise forms.ValidationError(
                _("This date has passed. Choose today or a later day, or leave it empty."),
                code="past",
            )
        return due_on

    def save(self, commit: bool = True) -> Agreement:
        self.instance.series = self.series
        self.instance.owner = self.cleaned_data["owner"]
        return super().save(commit=commit)
