from django.contrib.auth import views as auth_views
from django.urls import path

from tweespraak.accounts.views import auth, preferences

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", preferences.account_settings, name="settings"),
]
