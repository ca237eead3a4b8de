from django.urls import URLPattern, path

from tweespraak.notify import views

urlpatterns: list[URLPattern] = [
    path("preferences/", views.preferences, name="preferences"),
    path("log/", views.mail_log, name="log"),
]
