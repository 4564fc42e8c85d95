"""/sso/: home-realm discovery and allauth's OpenID Connect endpoints
(``/sso/oidc/<organisation>/login/callback/`` is the redirect URI each provider is given)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("start/", views.start, name="sso_start"),
    path("", include("allauth.socialaccount.providers.openid_connect.urls")),
]
