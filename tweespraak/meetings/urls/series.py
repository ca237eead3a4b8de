from django.urls import URLPattern, path

from tweespraak.meetings.views import series

urlpatterns: list[URLPattern] = [
    path("", series.series_list, name="list"),
    path("add/", series.series_add, name="add"),
    path("overview/", series.series_overview, name="overview"),
    path("with/<uuid:person_id>/", series.series_person, name="person"),
    path("<uuid:series_id>/", series.series_detail, name="detail"),
    path("<uuid:series_id>/edit/", series.series_edit, name="edit"),
    path("<uuid:series_id>/end/", series.series_end, name="end"),
]
