from django.urls import URLPattern, path

from tweespraak.accounts.views import imports

urlpatterns: list[URLPattern] = [
    path("import/", imports.upload, name="upload"),
    path("import/example.csv", imports.example, name="example"),
    path("export.csv", imports.export, name="export"),
]
