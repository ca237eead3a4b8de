from django.urls import path

from tweespraak.meetings.views import agreements

urlpatterns = [
    path("", agreements.mine, name="mine"),
    path("add/<uuid:meeting_id>/", agreements.add, name="add"),
    path("<uuid:agreement_id>/edit/", agreements.edit, name="edit"),
    path("<uuid:agreement_id>/done/", agreements.done, name="done"),
    path("<uuid:agreement_id>/reopen/", agreements.reopen, name="reopen"),
]
