from django.urls import URLPattern, path

from tweespraak.meetings.views import series as scheduling

urlpatterns: list[URLPattern] = [
    # SERIES: reschedule, skip, cancel
    path("<uuid:meeting_id>/reschedule/", scheduling.meeting_reschedule, name="reschedule"),
    path("<uuid:meeting_id>/skip/", scheduling.meeting_skip, name="skip"),
    path("<uuid:meeting_id>/cancel/", scheduling.meeting_cancel, name="cancel"),
    # MEETING: detail, prepare, live, complete, summary
]
