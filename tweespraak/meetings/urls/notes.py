from django.urls import path

from tweespraak.meetings.views import notes

urlpatterns = [
    path("<uuid:meeting_id>/save/", notes.save, name="save"),
    path("<uuid:meeting_id>/resolve/", notes.resolve, name="resolve"),
    path("<uuid:meeting_id>/latest/", notes.latest, name="latest"),
]
