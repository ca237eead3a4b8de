from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "tweespraak.notify"
    label = "notify"
    verbose_name = _("Notifications and background work")

    def ready(self) -> None:
        from tweespraak.notify import checks  # noqa: F401 - registers the e-mail checks
