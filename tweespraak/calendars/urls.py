from django.urls import URLPattern, path

from tweespraak.calendars import views

urlpatterns: list[URLPattern] = [
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("reset/", views.reset, name="reset"),
]
