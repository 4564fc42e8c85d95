"""The sign-in form, with messages written for staff rather than developers."""

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from intranet.accounts.selectors import password_sign_in_refused_by


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your organisation's IT service desk.",
    }

    def confirm_login_allowed(self, user) -> None:
        """An organisation that switched password sign-in off: its staff use their provider
        ("Sign in with your work email"); platform operators are exempt."""
        super().confirm_login_allowed(user)
        organisation = password_sign_in_refused_by(user)
        if organisation is not None:
            raise ValidationError(
                f"{organisation.short_name} staff sign in with their work email, not a "
                "password: use “Sign in with your work email” above.",
                code="password_sign_in_off",
            )
