from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tweespraak.api"
    label = "api"
    verbose_name = "JSON API"
