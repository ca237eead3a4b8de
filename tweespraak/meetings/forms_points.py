"""Forms for talking points: add (maybe private, maybe in a section) and edit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tweespraak.meetings.models import MAX_TEXT, TalkingPoint


class PointForm(forms.ModelForm):
    """Text and section; the section choices come from the meeting's template."""

    class Meta:
        model = TalkingPoint
        fields = ["text", "section"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "text": {
                "required": _("Write what you want to talk about."),
                "max_length": _(
                    "Keep a talking point to %(limit_value)d characters at most "
                    "(this one has %(show_value)d). Put the details in the notes."
                ),
            }
        }

    def __init__(self, *args: Any, sections: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs["maxlength"] = str(MAX_TEXT)
        choices = list(sections)
        known = {key for key, _title in sections}
        if self.instance.section and self.instance.section not in known:
            # The template changed since: keep the point's old section selectable.
            choices.append((self.instance.section, self.instance.section))
        self.fields["section"] = forms.ChoiceField(
            label=_("Section"), choices=choices, required=False
        )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(self.fields["text"].error_messages["required"])
        return text


class AddPointForm(PointForm):
    class Meta(PointForm.Meta):
        fields = ["text", "section", "is_private"]
