"""The demo global address book: each council's people, teams, buildings and where people
work this week.

Every council gets the same shape of structure (``POSTS``: chief executive → directors →
heads of service → officers), filled with its own staff (``NAMES``); the demo accounts
(``content.PEOPLE``) take the posts ``ACCOUNT_POSTS`` gives them, so their profiles sit in the
org chart too. Everything is fixed or drawn from a ``random.Random`` seeded per council, so
every run builds the same people. Idempotent: a person is matched by email or employee id
and left alone if they exist (they may have edited their profile); where people work is
added for today and the next working days only where nothing is said for that day yet.

Phone numbers are in Ofcom's ranges for drama (020 7946 0xxx, 07700 900xxx): never real.
"""

import datetime
import random
import unicodedata
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from intranet.access.choices import Audience
from intranet.organisations.models import Organisation
from intranet.people import services
from intranet.people.models import Building, Person, Team, WorkLocation

from .content import PEOPLE

# --- Buildings ------------------------------------------------------------------------------

# (name, address, top-level teams based there: () for everyone not based elsewhere)
BUILDINGS = {
    "hf": [
        ("Hammersmith Town Hall", "King Street\nLondon\nW6 9JU", ()),
        ("145 King Street", "145 King Street\nLondon\nW6 9XY", ("Housing", "Environment")),
    ],
    "rbkc": [
        ("Kensington Town Hall", "Hornton Street\nLondon\nW8 7NX", ()),
        (
            "Kensington Central Library",
            "12 Phillimore Walk\nLondon\nW8 7RX",
            ("Resident Services / Libraries",),
        ),
    ],
    "wcc": [
        ("Westminster City Hall", "64 Victoria Street\nLondon\nSW1E 6QP", ()),
        ("215 Lisson Grove", "215 Lisson Grove\nLondon\nNW8 8LW", ("Housing", "Adult Social Care")),
    ],
}

# --- Structure ------------------------------------------------------------------------------

CEO_OFFICE = "Chief Executive's Office"
CHILDREN = "Children's Services"
ADULTS = "Adult Social Care"
DIGITAL = "Digital & IT"


@dataclass(frozen=True)
class Post:
    key: str
    manager: str | None  # the key of the post this one reports to
    team: str  # path, " / " between levels
    title: str
    skills: tuple[str, ...] = ()
    audience: str = Audience.PARTNERSHIP


# Managers before their reports: a person is saved after the one they report to.
POSTS = [
    Post("ceo", None, CEO_OFFICE, "Chief Executive", ("leadership", "partnership working")),
    Post(
        "ceo-assistant",
        "ceo",
        CEO_OFFICE,
        "Executive assistant to the Chief Executive",
        ("diary management", "minute taking"),
    ),
    Post(
        "policy-head",
        "ceo",
        f"{CEO_OFFICE} / Policy and Strategy",
        "Head of policy and strategy",
        ("policy", "consultation", "equality impact assessment"),
    ),
    Post(
        "policy-officer",
        "policy-head",
        f"{CEO_OFFICE} / Policy and Strategy",
        "Policy officer",
        ("research", "consultation"),
    ),
    Post(
        "comms-head",
        "ceo",
        f"{CEO_OFFICE} / Communications",
        "Head of communications",
        ("media relations", "crisis communications"),
    ),
    Post(
        "comms-officer",
        "comms-head",
        f"{CEO_OFFICE} / Communications",
        "Communications officer",
        ("internal communications", "plain English"),
    ),
    # Children's services
    Post(
        "cs-director",
        "ceo",
        CHILDREN,
        "Executive director of children's services",
        ("safeguarding", "leadership"),
    ),
    Post(
        "early-help-head",
        "cs-director",
        f"{CHILDREN} / Early Help",
        "Head of early help",
        ("early help", "safeguarding"),
    ),
    Post(
        "family-support-manager",
        "early-help-head",
        f"{CHILDREN} / Early Help / Family Support",
        "Family support team manager",
        ("safeguarding", "Signs of Safety"),
    ),
    Post(
        "family-support-worker-1",
        "family-support-manager",
        f"{CHILDREN} / Early Help / Family Support",
        "Family support worker",
        ("safeguarding", "parenting programmes"),
    ),
    Post(
        "family-support-worker-2",
        "family-support-manager",
        f"{CHILDREN} / Early Help / Family Support",
        "Family support worker",
        ("safeguarding", "BSL"),
    ),
    Post(
        "cin-head",
        "cs-director",
        f"{CHILDREN} / Children in Need",
        "Head of children in need and child protection",
        ("safeguarding", "child protection"),
    ),
    Post(
        "cin-practice-manager",
        "cin-head",
        f"{CHILDREN} / Children in Need",
        "Practice manager, children in need",
        ("safeguarding", "case audit", "reflective supervision"),
    ),
    Post(
        "cin-social-worker",
        "cin-practice-manager",
        f"{CHILDREN} / Children in Need",
        "Social worker, children and families",
        ("safeguarding", "child protection"),
    ),
    # Adult social care
    Post(
        "asc-director",
        "ceo",
        ADULTS,
        "Director of adult social care",
        ("Care Act 2014", "leadership"),
    ),
    Post(
        "asc-assessment-head",
        "asc-director",
        f"{ADULTS} / Assessment and Care Management",
        "Head of assessment and care management",
        ("Care Act 2014", "Mental Capacity Act"),
    ),
    Post(
        "asc-social-worker-1",
        "asc-assessment-head",
        f"{ADULTS} / Assessment and Care Management",
        "Senior social worker, adult social care",
        ("safeguarding", "Mental Capacity Act"),
    ),
    Post(
        "asc-social-worker-2",
        "asc-assessment-head",
        f"{ADULTS} / Assessment and Care Management",
        "Social worker, adult social care",
        ("Care Act assessments", "BSL"),
    ),
    Post(
        "asc-occupational-therapist",
        "asc-assessment-head",
        f"{ADULTS} / Assessment and Care Management",
        "Occupational therapist, adult social care",
        ("home adaptations", "moving and handling"),
    ),
    Post(
        "asc-safeguarding-lead",
        "asc-director",
        f"{ADULTS} / Safeguarding Adults",
        "Adult safeguarding lead",
        ("safeguarding", "section 42 enquiries"),
    ),
    Post(
        "asc-safeguarding-officer",
        "asc-safeguarding-lead",
        f"{ADULTS} / Safeguarding Adults",
        "Safeguarding adults officer, adult social care",
        ("safeguarding", "domestic abuse"),
    ),
    # Housing
    Post("housing-director", "ceo", "Housing", "Director of housing", ("housing strategy",)),
    Post(
        "housing-options-head",
        "housing-director",
        "Housing / Housing Options",
        "Head of housing options",
        ("homelessness", "Housing Act 1996"),
    ),
    Post(
        "housing-options-officer",
        "housing-options-head",
        "Housing / Housing Options",
        "Housing options officer",
        ("homelessness prevention", "temporary accommodation"),
    ),
    Post(
        "repairs-manager",
        "housing-director",
        "Housing / Repairs and Maintenance",
        "Repairs and maintenance manager",
        ("damp and mould", "contract management"),
    ),
    Post(
        "building-surveyor",
        "repairs-manager",
        "Housing / Repairs and Maintenance",
        "Building surveyor",
        ("damp and mould", "asbestos"),
    ),
    # Environment
    Post(
        "env-director",
        "ceo",
        "Environment",
        "Director of environment",
        ("climate action", "leadership"),
    ),
    Post(
        "parking-manager",
        "env-director",
        "Environment / Parking",
        "Parking services manager",
        ("Traffic Management Act", "contract management"),
    ),
    Post(
        "parking-officer",
        "parking-manager",
        "Environment / Parking",
        "Parking permits officer",
        ("parking permits", "penalty charge appeals"),
    ),
    Post(
        "parks-manager",
        "env-director",
        "Environment / Parks and Open Spaces",
        "Parks and open spaces manager",
        ("biodiversity", "tree management"),
    ),
    Post(
        "planning-head",
        "env-director",
        "Environment / Planning",
        "Head of planning",
        ("planning policy", "conservation areas"),
    ),
    Post(
        "gis-officer",
        "planning-head",
        "Environment / Planning",
        "GIS officer",
        ("GIS", "QGIS", "Python"),
    ),
    Post(
        "waste-manager",
        "env-director",
        "Environment / Waste and Street Cleansing",
        "Waste and recycling manager",
        ("recycling", "contract management"),
    ),
    # Finance
    Post(
        "finance-director",
        "ceo",
        "Finance",
        "Director of finance (section 151 officer)",
        ("budget setting", "treasury management"),
    ),
    Post(
        "procurement-head",
        "finance-director",
        "Finance / Procurement",
        "Head of procurement",
        ("procurement", "Procurement Act 2023"),
    ),
    Post(
        "procurement-officer",
        "procurement-head",
        "Finance / Procurement",
        "Procurement officer",
        ("procurement", "social value"),
    ),
    Post(
        "revenues-manager",
        "finance-director",
        "Finance / Revenues and Benefits",
        "Revenues and benefits manager",
        ("council tax", "housing benefit"),
    ),
    # Listed to their own council only: their work is not for partners to look up.
    Post(
        "fraud-investigator",
        "finance-director",
        "Finance / Counter Fraud",
        "Counter fraud investigator",
        ("fraud investigation", "PACE interviews"),
        audience=Audience.ORGANISATION,
    ),
    # Digital & IT
    Post(
        "cdo",
        "ceo",
        DIGITAL,
        "Chief digital officer",
        ("digital strategy", "cyber security"),
    ),
    Post(
        "service-desk-manager",
        "cdo",
        f"{DIGITAL} / Service Desk",
        "Service desk manager",
        ("ITIL", "Microsoft 365"),
    ),
    Post(
        "service-desk-analyst",
        "service-desk-manager",
        f"{DIGITAL} / Service Desk",
        "Service desk analyst",
        ("Microsoft 365", "assistive technology"),
    ),
    Post(
        "data-lead",
        "cdo",
        f"{DIGITAL} / Data and Insight",
        "Data and insight lead",
        ("Python", "Power BI", "SQL"),
    ),
    Post(
        "data-analyst",
        "data-lead",
        f"{DIGITAL} / Data and Insight",
        "Data analyst",
        ("Python", "GIS", "statistics"),
    ),
    Post(
        "digital-workplace-lead",
        "cdo",
        f"{DIGITAL} / Digital Workplace",
        "Digital workplace lead",
        ("SharePoint", "Microsoft Teams", "Wagtail"),
    ),
    # Resident services
    Post(
        "resident-director",
        "ceo",
        "Resident Services",
        "Director of resident services",
        ("customer experience",),
    ),
    Post(
        "contact-centre-manager",
        "resident-director",
        "Resident Services / Contact Centre",
        "Contact centre manager",
        ("customer experience", "workforce planning"),
    ),
    Post(
        "contact-centre-adviser",
        "contact-centre-manager",
        "Resident Services / Contact Centre",
        "Customer services adviser",
        ("council tax", "blue badges"),
    ),
    Post(
        "libraries-manager",
        "resident-director",
        "Resident Services / Libraries",
        "Libraries manager",
        ("reader development", "local history"),
    ),
    Post(
        "libraries-assistant",
        "libraries-manager",
        "Resident Services / Libraries",
        "Libraries assistant",
        ("Rhymetime", "digital inclusion"),
    ),
]

# The demo accounts' posts (their job titles are their accounts' own).
ACCOUNT_POSTS = {
    "hf": {
        "staff": "contact-centre-adviser",
        "editor": "comms-officer",
        "admin": "digital-workplace-lead",
        "socialcare": "asc-social-worker-1",
    },
    "rbkc": {
        "staff": "libraries-assistant",
        "editor": "comms-officer",
        "admin": "digital-workplace-lead",
        "socialcare": "cin-practice-manager",
    },
    "wcc": {
        "staff": "parking-officer",
        "editor": "comms-officer",
        "admin": "digital-workplace-lead",
        "socialcare": "asc-safeguarding-lead",
    },
}

# --- Names ----------------------------------------------------------------------------------

# (first name, last name, languages besides English, pronouns, preferred name), in the order
# they fill the posts the accounts do not.
NAMES = {
    "hf": [
        ("Olumide", "Adeyemi", "Yoruba", "he/him", ""),
        ("Fiona", "MacLeod", "Scottish Gaelic", "", ""),
        ("Rajesh", "Patel", "Gujarati, Hindi", "", "Raj"),
        ("Siobhán", "Kelly", "Irish", "she/her", ""),
        ("Zoë", "Clarke", "French", "she/her", ""),
        ("Aisha", "Mohamed", "Somali, Arabic", "", ""),
        ("Seán", "O'Neill", "Irish", "he/him", ""),
        ("Precious", "Ncube", "Shona", "", ""),
        ("Kofi", "Owusu", "Twi", "", ""),
        ("Joanna", "Kowalczyk", "Polish", "", "Asia"),
        ("Marcus", "Thompson", "", "", ""),
        ("Nadia", "Hussain", "Urdu, Punjabi", "she/her", ""),
        ("Tomás", "García", "Spanish", "", ""),
        ("Eilidh", "Fraser", "", "", ""),
        ("Abena", "Mensah-Boateng", "Twi, Ga", "she/her", ""),
        ("Ravinder", "Kaur", "Punjabi", "", "Ravi"),
        ("Chloé", "Martin", "French", "", ""),
        ("Hamza", "Ali", "Urdu", "", ""),
        ("Lucy", "Fitzgerald", "", "", ""),
        ("Mehmet", "Yılmaz", "Turkish", "", ""),
        ("Kemi", "Oladipo", "Yoruba", "", ""),
        ("Ana", "Ferreira", "Portuguese", "she/her", ""),
        ("Ibrahim", "Jalloh", "Krio", "", ""),
        ("Dylan", "Evans", "Welsh", "he/him", ""),
        ("Bartłomiej", "Nowak", "Polish", "", "Bart"),
        ("Megan", "Jones", "BSL", "", ""),
        ("Tariq", "Chowdhury", "Bengali, Sylheti", "", ""),
        ("Ngozi", "Eze", "Igbo", "", ""),
        ("Declan", "Murphy", "", "", ""),
        ("Mei Ling", "Chen", "Mandarin, Cantonese", "", ""),
        ("Sam", "Okonkwo", "", "they/them", ""),
        ("Beatriz", "Santos", "Portuguese, Spanish", "", ""),
        ("Georgios", "Papadopoulos", "Greek", "", "George"),
        ("Harriet", "Wilson", "", "", ""),
        ("Andrzej", "Wiśniewski", "Polish", "", ""),
        ("Samira", "Haddad", "Arabic, French", "", ""),
        ("Jack", "Robinson", "", "", ""),
        ("Chiara", "Bianchi", "Italian", "", ""),
        ("Leon", "Campbell", "", "he/him", ""),
        ("Esther", "Adjei", "Twi", "", ""),
        ("Darius", "Rahimi", "Farsi", "", ""),
        ("Yusuf", "Demir", "Turkish, Kurdish", "", ""),
        ("Rosie", "Doherty", "", "", ""),
        ("Kwame", "Boateng", "Twi", "", ""),
        ("Isla", "Brennan", "", "", ""),
    ],
    "rbkc": [
        ("Adebayo", "Ogunleye", "Yoruba", "he/him", ""),
        ("Catriona", "Stewart", "", "", ""),
        ("Aoife", "Ní Bhriain", "Irish", "she/her", ""),
        ("D'Arcy", "Fenwick", "", "", ""),
        ("Zoë", "Williams", "", "she/her", ""),
        ("Ciarán", "Doyle", "Irish", "", ""),
        ("Agnieszka", "Zielińska", "Polish", "", "Aga"),
        ("Kwabena", "Darko", "Twi", "", ""),
        ("Isabel", "Ruiz", "Spanish, Catalan", "", ""),
        ("Mohammed", "Abdi", "Somali", "", ""),
        ("Charlotte", "Ashworth", "French", "", ""),
        ("Amir", "Karimi", "Farsi, Dari", "", ""),
        ("Renée", "Dubois", "French", "she/her", ""),
        ("Funmilayo", "Bakare", "Yoruba", "", "Funmi"),
        ("Harjit", "Gill", "Punjabi", "", ""),
        ("Eleni", "Georgiou", "Greek", "", ""),
        ("Thomas", "Brennan", "", "", "Tom"),
        ("Layla", "Mansour", "Arabic", "", ""),
        ("Patrick", "O'Sullivan", "Irish", "he/him", ""),
        ("Nia", "Roberts", "Welsh", "", ""),
        ("Tendai", "Moyo", "Shona", "", ""),
        ("Siobhán", "Ó Súilleabháin", "Irish", "she/her", ""),
        ("Lucía", "Castillo", "Spanish", "", ""),
        ("Rupert", "Hargreaves", "", "", ""),
        ("Anjali", "Mehta", "Hindi, Gujarati", "", ""),
        ("Marek", "Dvořák", "Czech, Slovak", "", ""),
        ("Efua", "Ofori-Atta", "Twi, Fante", "", ""),
        ("Callum", "Reid", "", "", ""),
        ("Yasmin", "Begum", "Bengali", "", ""),
        ("Luca", "Moretti", "Italian", "", ""),
        ("Blessing", "Okoro", "Igbo", "", ""),
        ("Wei", "Zhang", "Mandarin", "", ""),
        ("Rosa", "Lindqvist", "Swedish", "", ""),
        ("Hassan", "Nouri", "Arabic, Farsi", "", ""),
        ("Emily", "Turner", "BSL", "", ""),
        ("Joaquim", "Pereira", "Portuguese", "", ""),
        ("Rebecca", "Goldberg", "Hebrew", "", "Becky"),
        ("Imran", "Qureshi", "Urdu", "", ""),
        ("Saoirse", "Byrne", "Irish", "", ""),
        ("Kieran", "Walsh", "", "", ""),
        ("Noor", "Al-Sayed", "Arabic", "", ""),
        ("Alex", "Morgan-Reid", "", "they/them", ""),
        ("Shanice", "Morgan", "", "", ""),
        ("Gwen", "Parry", "Welsh", "", ""),
        ("Oskar", "Sørensen", "Danish", "", ""),
    ],
    "wcc": [
        ("Oluwaseun", "Bello", "Yoruba", "he/him", "Seun"),
        ("Amelia", "Hart", "", "", ""),
        ("Rhiannon", "Davies", "Welsh", "she/her", ""),
        ("Siobhán", "Gallagher", "Irish", "she/her", ""),
        ("Zoë", "Kaplan", "Hebrew", "", ""),
        ("Deepak", "Sharma", "Hindi", "", ""),
        ("Niamh", "O'Connor", "Irish", "", ""),
        ("Małgorzata", "Kamińska", "Polish", "", "Gosia"),
        ("Kwesi", "Appiah", "Twi", "", ""),
        ("Ayşe", "Kaya", "Turkish", "", ""),
        ("Jean-Baptiste", "Moreau", "French", "he/him", ""),
        ("Farah", "Siddiqui", "Urdu", "", ""),
        ("Hodan", "Warsame", "Somali", "", ""),
        ("Conor", "McCarthy", "", "", ""),
        ("Nkechi", "Obi", "Igbo", "she/her", ""),
        ("Gabriel", "Costa", "Portuguese", "", ""),
        ("Mei", "Wong", "Cantonese", "", ""),
        ("Stefan", "Novak", "Slovak", "", ""),
        ("Priyanka", "Nair", "Malayalam", "", ""),
        ("Aaron", "Levy", "", "", ""),
        ("Fatou", "Diallo", "French, Wolof", "", ""),
        ("Oscar", "Whitmore", "", "", ""),
        ("Elif", "Şahin", "Turkish", "", ""),
        ("Rory", "Mackenzie", "Scottish Gaelic", "", ""),
        ("Adwoa", "Boateng", "Twi", "", ""),
        ("Kamal", "Uddin", "Bengali, Sylheti", "", ""),
        ("Inês", "Carvalho", "Portuguese", "", ""),
        ("Natalia", "Ivanova", "Russian, Ukrainian", "", "Natasha"),
        ("Ben", "Carter", "BSL", "", ""),
        ("Mariam", "Yusuf", "Arabic, Hausa", "", ""),
        ("Eoin", "Kavanagh", "Irish", "", ""),
        ("Sunita", "Rao", "Kannada, Hindi", "", ""),
        ("Tyrone", "Baptiste", "French Creole", "", ""),
        ("Hana", "Novotná", "Czech", "", ""),
        ("Ahmed", "El-Masry", "Arabic", "", ""),
        ("Phoebe", "Ashdown", "", "they/them", ""),
        ("Dariusz", "Lewandowski", "Polish", "", "Darek"),
        ("Chidi", "Nwosu", "Igbo", "", ""),
        ("Lowri", "Griffiths", "Welsh", "", ""),
        ("Joseph", "Amankwah", "Twi", "", "Joe"),
        ("Valentina", "Rossi", "Italian", "", ""),
        ("Björn", "Larsen", "Norwegian", "", ""),
        ("Grace", "O'Brien-Nuñez", "Spanish", "", ""),
        ("Ellie", "Fairbairn", "", "", ""),
        ("Desmond", "Achebe", "Igbo", "", ""),
    ],
}

EXTRA_SKILLS = [
    "mental health first aid",
    "first aid",
    "BSL",
    "Makaton",
    "coaching",
    "project management",
    "Excel",
    "mentoring",
    "data protection",
    "trauma-informed practice",
]

ASK_ME_ABOUT = [
    "The carers' staff network: I co-chair it.",
    "Cycling to work, and the Cycle to Work scheme.",
    "Mentoring and our apprenticeships.",
    "The staff choir (rehearsals on Wednesdays at lunchtime).",
    "Volunteering days and where to spend them.",
    "The LGBTQ+ staff network.",
    "The Black, Asian and minority ethnic staff network.",
    "The disability staff network and reasonable adjustments.",
    "Our borough's history: I give the town hall tours.",
    "Getting started with Microsoft Teams and OneDrive.",
    "Running, and the council's team in the London Legal Walk.",
    "The staff allotment and what grows on it.",
]

PART_TIME = ["mon,tue,wed", "tue,wed,thu", "mon,tue,thu,fri", "wed,thu,fri", "mon,wed,fri"]
FULL_TIME = "mon,tue,wed,thu,fri"

# Where some people work in the next few days: (post key, working days from today,
# place). A place is "remote", "partner" (the next council's town hall, in ORDER) or "own"
# (their council's other building).
ORDER = ["hf", "rbkc", "wcc"]
LOCATIONS = [
    ("asc-safeguarding-officer", 0, "partner"),
    ("data-analyst", 0, "partner"),
    ("data-analyst", 2, "partner"),
    ("policy-officer", 0, "remote"),
    ("gis-officer", 0, "remote"),
    ("procurement-officer", 0, "own"),
    ("comms-head", 1, "partner"),
    ("asc-assessment-head", 1, "partner"),
    ("service-desk-analyst", 1, "own"),
    ("early-help-head", 2, "partner"),
    ("housing-options-officer", 2, "remote"),
    ("cin-social-worker", 3, "partner"),
    ("ceo-assistant", 3, "remote"),
    ("waste-manager", 4, "partner"),
    ("libraries-manager", 4, "remote"),
]

WORK_PHONES = {"hf": 100, "rbkc": 300, "wcc": 500}  # 020 7946 0100…, 0300…, 0500…


@dataclass(frozen=True)
class Entry:
    """One person of the demo, as their council's HR export would give them."""

    post: Post
    employee_id: str
    first_name: str
    last_name: str
    email: str
    job_title: str
    languages: str = ""
    pronouns: str = ""
    preferred_name: str = ""
    account: str = ""  # username of the demo account that is this person


def seed_people(organisation: Organisation) -> int:
    """The organisation's buildings, teams and people; return the number of people created.

    Where they work this week comes after every council has its buildings
    (``seed_work_locations``).
    """
    buildings = _seed_buildings(organisation)
    entries = people_of(organisation)
    existing = _existing(organisation, entries)
    teams: dict[str, Team] = {}
    by_post: dict[str, Person] = {}
    rng = random.Random(f"commons-demo-people-{organisation.slug}")
    created = 0
    for number, entry in enumerate(entries):
        extras = _extras(rng, organisation, number, entry)  # drawn even if not used: stable
        person = existing.get(entry.email) or existing.get(entry.employee_id)
        if person is None:
            if entry.post.team not in teams:
                teams[entry.post.team] = services.ensure_team(
                    organisation, entry.post.team.split(Team.PATH_SEPARATOR)
                )
            person = _new_person(organisation, entry, extras, teams, buildings, by_post)
            created += 1
        elif person.user_id is None and entry.account:
            user = get_user_model().objects.filter(username=entry.account).first()
            if user is not None and user.email.lower() == person.email.lower():
                services.link_account(user)
        by_post.setdefault(entry.post.key, person)
    return created


def people_of(organisation: Organisation) -> list[Entry]:
    """Who fills each post at ``organisation``: its demo accounts, then names in order."""
    slug = organisation.slug
    domain = organisation.email_domain_list[0]
    accounts = {
        ACCOUNT_POSTS[slug][suffix]: (suffix, first, last, title)
        for suffix, first, last, title, _groups in PEOPLE[slug]
    }
    names = iter(NAMES[slug])
    entries = []
    for number, post in enumerate(POSTS, start=1001):
        employee_id = f"{slug.upper()}-{number}"
        if post.key in accounts:
            suffix, first, last, title = accounts[post.key]
            entries.append(
                Entry(
                    post,
                    employee_id,
                    first,
                    last,
                    # As the account's: ``save_person`` links the two by it.
                    f"{first}.{last}@{domain}".lower(),
                    title,
                    account=f"{slug}.{suffix}",
                )
            )
            continue
        first, last, languages, pronouns, preferred = next(names)
        email = f"{email_name(first)}.{email_name(last)}@{domain}"
        entries.append(
            Entry(post, employee_id, first, last, email, post.title, languages, pronouns, preferred)
        )
    extra = list(names)
    for number, (first, last, languages, pronouns, preferred) in enumerate(
        extra, start=1001 + len(POSTS)
    ):
        # More staff than posts: officers in the contact centre, the biggest team.
        post = next(p for p in POSTS if p.key == "contact-centre-adviser")
        email = f"{email_name(first)}.{email_name(last)}@{domain}"
        entries.append(
            Entry(
                post,
                f"{slug.upper()}-{number}",
                first,
                last,
                email,
                post.title,
                languages,
                pronouns,
                preferred,
            )
        )
    return entries


_LETTERS = str.maketrans({"ø": "o", "ł": "l", "ı": "i", "æ": "ae", "ß": "ss"})


def email_name(name: str) -> str:
    """The part of an address a name gives: "Ní Bhriain" → "nibhriain", "O'Neill" → "oneill",
    "Mensah-Boateng" → "mensah-boateng"."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    return "".join(char for char in text if char.isascii() and (char.isalnum() or char == "-"))


def _existing(organisation: Organisation, entries: list[Entry]) -> dict[str, Person]:
    """The demo's people already there, by email and by employee id."""
    emails = [entry.email for entry in entries]
    ids = [entry.employee_id for entry in entries]
    found: dict[str, Person] = {}
    for person in Person.objects.filter(email__in=emails):
        found[person.email.lower()] = person
    for person in Person.objects.filter(organisation=organisation, employee_id__in=ids):
        found.setdefault(person.employee_id, person)
    return found


@dataclass(frozen=True)
class Extras:
    work_phone: str
    mobile_phone: str
    sip: bool
    working_days: str
    skills: list[str]
    ask_me_about: str


def _extras(rng: random.Random, organisation: Organisation, number: int, entry: Entry) -> Extras:
    line = WORK_PHONES[organisation.slug] + number
    skills = list(entry.post.skills)
    if rng.random() < 0.35:
        skills.append(rng.choice(EXTRA_SKILLS))
    if "BSL" in entry.languages:
        skills.append("BSL")
    return Extras(
        work_phone=f"020 7946 0{line:03d}",
        mobile_phone=f"07700 900{line:03d}" if rng.random() < 0.6 else "",
        sip=rng.random() < 0.15,
        working_days=rng.choice(PART_TIME) if rng.random() < 0.2 else FULL_TIME,
        skills=skills,
        ask_me_about=rng.choice(ASK_ME_ABOUT) if rng.random() < 0.4 else "",
    )


def _new_person(
    organisation: Organisation,
    entry: Entry,
    extras: Extras,
    teams: dict[str, Team],
    buildings: dict[str, Building],
    by_post: dict[str, Person],
) -> Person:
    languages = ", ".join(filter(None, ["English", entry.languages]))
    person = Person(
        organisation=organisation,
        employee_id=entry.employee_id,
        first_name=entry.first_name,
        last_name=entry.last_name,
        preferred_name=entry.preferred_name,
        pronouns=entry.pronouns,
        job_title=entry.job_title,
        team=teams[entry.post.team],
        manager=by_post.get(entry.post.manager) if entry.post.manager else None,
        email=entry.email,
        work_phone=extras.work_phone,
        mobile_phone=extras.mobile_phone,
        teams_address=entry.email,
        sip_address=entry.email if extras.sip else "",
        base=_base(organisation, entry.post, buildings),
        working_days=extras.working_days,
        languages=languages.replace("BSL", "British Sign Language"),
        ask_me_about=extras.ask_me_about,
        audience=entry.post.audience,
    )
    return services.save_person(person, skills=extras.skills)


def _seed_buildings(organisation: Organisation) -> dict[str, Building]:
    """The organisation's buildings by name, each with its public address."""
    buildings = {}
    for name, address, _teams in BUILDINGS[organisation.slug]:
        building = services.ensure_building(organisation, name)
        if not building.address:
            # ``ensure_building`` takes no address; a new building gets its address here.
            building.address = address
            building.save(update_fields=["address"])
        buildings[name] = building
    return buildings


def _base(organisation: Organisation, post: Post, buildings: dict[str, Building]) -> Building:
    """The building whose teams include the post's (by the start of its path), else the
    first (the town hall)."""
    specs = BUILDINGS[organisation.slug]
    for name, _address, prefixes in specs[1:]:
        if any(post.team == p or post.team.startswith(p + Team.PATH_SEPARATOR) for p in prefixes):
            return buildings[name]
    return buildings[specs[0][0]]


def town_hall(organisation_slug: str) -> str:
    return BUILDINGS[organisation_slug][0][0]


def working_days_ahead(start: datetime.date, count: int) -> datetime.date:
    """The day ``count`` working days (Monday to Friday) after ``start``; ``start`` itself
    for 0, whatever day it is."""
    day = start
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def seed_work_locations(today: datetime.date | None = None) -> int:
    """Where some people of each council work today and the next working days (a partner's
    town hall, their council's other building, or remotely); a day already said is kept.
    Run on another day, it adds that day's. Returns the number of days said."""
    today = today or timezone.localdate()
    town_halls = {
        building.organisation.slug: building
        for building in Building.objects.select_related("organisation").filter(
            organisation__slug__in=ORDER
        )
        if building.name == town_hall(building.organisation.slug)
    }
    wanted = []
    for organisation in Organisation.objects.filter(slug__in=ORDER).order_by("slug"):
        entries = people_of(organisation)
        existing = _existing(organisation, entries)
        by_post: dict[str, Person] = {}
        for entry in entries:
            person = existing.get(entry.email) or existing.get(entry.employee_id)
            if person is not None:
                by_post.setdefault(entry.post.key, person)
        partner = town_halls.get(ORDER[(ORDER.index(organisation.slug) + 1) % len(ORDER)])
        other = Building.objects.filter(
            organisation=organisation, name=BUILDINGS[organisation.slug][1][0]
        ).first()
        places = {"partner": partner, "own": other, "remote": None}
        for key, ahead, place in LOCATIONS:
            person, day = by_post.get(key), working_days_ahead(today, ahead)
            if person is None or (place != "remote" and places[place] is None):
                continue
            # Today's always (whatever day it is); later days only if they work then.
            if ahead == 0 or person.works_on(day):
                wanted.append((person, day, places[place]))
    said = set(
        WorkLocation.objects.filter(
            person__in=[person for person, _day, _building in wanted],
            day__in={day for _person, day, _building in wanted},
        ).values_list("person_id", "day")
    )
    created = 0
    for person, day, building in wanted:
        if (person.pk, day) not in said:
            services.set_work_location(person, day, building=building, remote=building is None)
            said.add((person.pk, day))
            created += 1
    return created
