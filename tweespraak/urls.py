from django.urls import include, path

from tweespraak.accounts.views.home import home
from tweespraak.accounts.views.preferences import set_language
from tweespraak.api.api import api

urlpatterns = [
    path("", home, name="home"),
    path("language/", set_language, name="set_language"),
    path("account/", include("tweespraak.accounts.urls.auth")),
    path("people/", include(("tweespraak.accounts.urls.people", "people"))),
    path("people/", include(("tweespraak.accounts.urls.imports", "imports"))),
    path("teams/", include(("tweespraak.accounts.urls.teams", "teams"))),
    path("series/", include(("tweespraak.meetings.urls.series", "series"))),
    path("meetings/", include(("tweespraak.meetings.urls.meetings", "meetings"))),
    path("points/", include(("tweespraak.meetings.urls.points", "points"))),
    path("notes/", include(("tweespraak.meetings.urls.notes", "notes"))),
    path("agreements/", include(("tweespraak.meetings.urls.agreements", "agreements"))),
    path("calendar/", include(("tweespraak.calendars.urls", "calendars"))),
    path("notify/", include(("tweespraak.notify.urls", "notify"))),
    path("exports/", include(("tweespraak.exports.urls", "exports"))),
    path("api/v1/", api.urls),
]
