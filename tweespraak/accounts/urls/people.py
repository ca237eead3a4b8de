from django.urls import URLPattern, path

from tweespraak.accounts.views import people

urlpatterns: list[URLPattern] = [
    path("", people.people_list, name="list"),
    path("add/", people.person_add, name="add"),
    path("<uuid:person_id>/", people.person_detail, name="detail"),
    path("<uuid:person_id>/edit/", people.person_edit, name="edit"),
    path("<uuid:person_id>/invite/", people.person_invite, name="invite"),
    path("<uuid:person_id>/deactivate/", people.person_deactivate, name="deactivate"),
    path("<uuid:person_id>/reactivate/", people.person_reactivate, name="reactivate"),
]
