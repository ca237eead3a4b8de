from django.urls import URLPattern

urlpatterns: list[URLPattern] = [
    # SERIES: reschedule, skip, cancel
    # MEETING: detail, prepare, live, complete, summary
]
