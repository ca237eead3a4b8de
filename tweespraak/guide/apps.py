from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GuideConfig(AppConfig):
    name = "tweespraak.guide"
    label = "guide"
    verbose_name = _("Conversation guide")

    def ready(self) -> None:
        from tweespraak.guide.builtin import install_builtin_templates

        post_migrate.connect(install_builtin_templates, sender=self)
