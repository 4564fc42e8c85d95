"""Django's sign-in event, handed to ``services``: whoever signs in gets the profile HR
imported for their email, if it is not linked yet."""

from django.contrib.auth.signals import user_logged_in

from . import services


def _signed_in(sender, request, user, **kwargs):
    services.link_account(user)


def connect() -> None:
    user_logged_in.connect(_signed_in, dispatch_uid="people-link-on-sign-in")
