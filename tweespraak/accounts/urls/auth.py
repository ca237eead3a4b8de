from django.contrib.auth import views as auth_views
from django.urls import path

from tweespraak.accounts.views import auth, preferences

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", preferences.account_settings, name="settings"),
    path("password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("invitation/<str:token>/", auth.invitation_accept, name="invitation_accept"),
    path("password-reset/", auth.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
