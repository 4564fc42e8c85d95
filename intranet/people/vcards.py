"""A person's contact card as vCard 3.0 (RFC 2426): what Outlook and phones import best."""

import vobject

from .models import Person


def vcard_for(person: Person, *, profile_url: str, with_mobile: bool) -> str:
    """The card for ``person``; the mobile number only for those allowed to see it."""
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=person.last_name, given=person.given_name)
    card.add("fn").value = person.display_name
    if person.preferred_name and person.preferred_name != person.first_name:
        card.add("nickname").value = person.preferred_name
    organisation = [person.organisation.name]
    if person.team_id:
        organisation += [part for part in person.team.path.split(" / ") if part]
    card.add("org").value = organisation
    if person.job_title:
        card.add("title").value = person.job_title
    email = card.add("email")
    email.value = person.email
    email.type_param = ["INTERNET", "WORK", "PREF"]
    if person.work_phone:
        phone = card.add("tel")
        phone.value = person.work_phone
        phone.type_param = ["WORK", "VOICE"]
    if with_mobile and person.mobile_phone:
        mobile = card.add("tel")
        mobile.value = person.mobile_phone
        mobile.type_param = ["CELL", "VOICE"]
    if person.base_id:
        address = card.add("adr")
        lines = [line.strip() for line in person.base.address.splitlines() if line.strip()]
        address.value = vobject.vcard.Address(
            street=", ".join([person.base.name, *lines[:-1]]),
            code=lines[-1] if lines else "",
            country="United Kingdom",
        )
        address.type_param = ["WORK"]
    if person.sip_address:
        # Outlook reads this for Skype for Business / Lync presence; others ignore it.
        card.add("x-ms-imaddress").value = person.sip_address
        card.add("impp").value = f"sip:{person.sip_address}"
    card.add("url").value = profile_url
    card.add("uid").value = f"commons-person-{person.pk}"
    return card.serialize()
