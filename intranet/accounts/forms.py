"""The "Sign in with your work email" form."""

from django import forms


class WorkEmailForm(forms.Form):
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        error_messages={
            "required": "Enter your work email address",
            "invalid": "Enter an email address in the correct format, like name@westminster.gov.uk",
        },
    )
