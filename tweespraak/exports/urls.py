from django.urls import URLPattern, path

from tweespraak.exports import views

urlpatterns: list[URLPattern] = [
    path("meeting/<uuid:meeting_id>/", views.export_meeting, name="meeting"),
    path("series/<uuid:series_id>/", views.export_series, name="series"),
    path("person/<uuid:person_id>/", views.export_person, name="person"),
    path("jobs/<uuid:job_id>/", views.export_status, name="status"),
    path("jobs/<uuid:job_id>/download/", views.export_download, name="download"),
]
