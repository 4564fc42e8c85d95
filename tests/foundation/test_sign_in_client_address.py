"""Sign-in throttling reads the client's address from REMOTE_ADDR unless told a proxy sets it.

A forged X-Forwarded-For must not let anyone choose the address their failures are counted
(and audited) under; behind a real proxy the deployment names the header to believe.
"""

import pytest
from django.test import Client, override_settings

from intranet.access.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def lock_out_from(client: Client) -> AuditEvent:
    UserFactory(username="wcc.target")
    for _ in range(10):
        client.post("/accounts/login/", {"username": "wcc.target", "password": "wrong"})
    return AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_LOCKED)


def test_a_forged_forwarded_for_header_is_ignored_by_default():
    client = Client(REMOTE_ADDR="10.20.30.40", HTTP_X_FORWARDED_FOR="198.51.100.7")

    event = lock_out_from(client)

    assert event.ground == "Too many failed sign-ins from 10.20.30.40"


@override_settings(AXES_IPWARE_META_PRECEDENCE_ORDER=["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"])
def test_behind_a_proxy_the_named_header_gives_the_address():
    client = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")

    event = lock_out_from(client)

    assert event.ground == "Too many failed sign-ins from 198.51.100.7"
