from django.urls import URLPattern, path

from tweespraak.accounts.views import teams

urlpatterns: list[URLPattern] = [
    path("", teams.team_list, name="list"),
    path("add/", teams.team_add, name="add"),
    path("<uuid:team_id>/", teams.team_detail, name="detail"),
    path("<uuid:team_id>/edit/", teams.team_edit, name="edit"),
    path("<uuid:team_id>/delete/", teams.team_delete, name="delete"),
]
