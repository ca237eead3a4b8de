from django.urls import URLPattern, path

from tweespraak.meetings.views import meeting
from tweespraak.meetings.views import series as scheduling

urlpatterns: list[URLPattern] = [
    # Scheduling (views/series.py)
    path("<uuid:meeting_id>/reschedule/", scheduling.meeting_reschedule, name="reschedule"),
    path("<uuid:meeting_id>/skip/", scheduling.meeting_skip, name="skip"),
    path("<uuid:meeting_id>/cancel/", scheduling.meeting_cancel, name="cancel"),
    # The meeting itself (views/meeting.py)
    path("<uuid:meeting_id>/", meeting.meeting_detail, name="detail"),
    path("<uuid:meeting_id>/prepare/", meeting.meeting_prepare, name="prepare"),
    path("<uuid:meeting_id>/live/", meeting.meeting_live, name="live"),
    path("<uuid:meeting_id>/complete/", meeting.meeting_complete, name="complete"),
    path("<uuid:meeting_id>/summary/", meeting.meeting_summary, name="summary"),
]
