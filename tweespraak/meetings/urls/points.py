from django.urls import URLPattern, path

from tweespraak.meetings.views import points

urlpatterns: list[URLPattern] = [
    path("add/<uuid:series_id>/", points.point_add, name="add"),
    path("<uuid:point_id>/edit/", points.point_edit, name="edit"),
    path("<uuid:point_id>/share/", points.point_share, name="share"),
    path("<uuid:point_id>/move/", points.point_move, name="move"),
    path("<uuid:point_id>/discussed/", points.point_discussed, name="discussed"),
    path("<uuid:point_id>/delete/", points.point_delete, name="delete"),
]
