"""The demo partnership: three London councils that share services, their staff and content.

Plain data, so the seeding command stays a short loop and content is easy to extend.
"""

ORGANISATIONS = [
    {
        "slug": "hf",
        "name": "Hammersmith & Fulham Council",
        "short_name": "Hammersmith & Fulham",
        "accent_colour": "#005ea5",
        "email_domains": "lbhf.gov.uk",
        "building": "Hammersmith Town Hall",
    },
    {
        "slug": "rbkc",
        "name": "Royal Borough of Kensington and Chelsea",
        "short_name": "Kensington and Chelsea",
        "accent_colour": "#6f2c91",
        "email_domains": "rbkc.gov.uk",
        "building": "Kensington Town Hall",
    },
    {
        "slug": "wcc",
        "name": "Westminster City Council",
        "short_name": "Westminster",
        "accent_colour": "#00703c",
        "email_domains": "westminster.gov.uk",
        "building": "Westminster City Hall",
    },
]

# (username suffix, first name, last name, job title, groups beyond the organisation's)
PEOPLE = {
    "hf": [
        ("staff", "Amara", "Okafor", "Customer services adviser", []),
        ("editor", "Tom", "Hughes", "Internal communications officer", ["editors"]),
        ("admin", "Priya", "Shah", "Intranet manager", ["admins"]),
        (
            "socialcare",
            "Grace",
            "Mensah",
            "Senior social worker, adult social care",
            ["social-care"],
        ),
    ],
    "rbkc": [
        ("staff", "Oliver", "Bennett", "Libraries assistant", []),
        ("editor", "Sofia", "Romano", "Digital content editor", ["editors"]),
        ("admin", "James", "Whitfield", "Head of digital workplace", ["admins"]),
        (
            "socialcare",
            "Fatima",
            "Rahman",
            "Practice manager, children's services",
            ["social-care"],
        ),
    ],
    "wcc": [
        ("staff", "Daniel", "Clarke", "Parking services officer", []),
        ("editor", "Hannah", "Lewis", "Communications officer", ["editors"]),
        ("admin", "Kwame", "Asante", "Intranet and collaboration lead", ["admins"]),
        ("socialcare", "Eleanor", "Price", "Safeguarding lead, adult social care", ["social-care"]),
    ],
}

# Each topic: (slug, title, summary, [(slug, title, summary, paragraphs)]).
# "{org}" and "{building}" are filled in per organisation.
TOPICS = [
    (
        "hr",
        "HR and pay",
        "Leave, pay, pensions, absence and flexible working at {org}.",
        [
            (
                "annual-leave",
                "Annual leave",
                "How much leave you get and how to book it.",
                [
                    "Full-time staff at {org} get 27 days of annual leave a year plus bank holidays, rising to 32 days after 5 years of continuous local government service.",
                    "Book leave through the self-service HR system at least 2 weeks ahead for periods longer than 3 days. Your line manager approves requests.",
                    "You can carry up to 5 days into the next leave year. Ask HR if you have been unable to take leave because of sickness or parental leave.",
                ],
            ),
            (
                "sickness-absence",
                "Sickness absence",
                "What to do if you are ill and cannot come to work.",
                [
                    "Phone your line manager before your usual start time on the first day of absence. A text or email is not enough unless you have agreed it in advance.",
                    "You can self-certify for up to 7 calendar days. After that you need a fit note from your GP.",
                    "A return-to-work conversation takes place after every absence, however short, so that any support you need can be put in place.",
                ],
            ),
            (
                "flexible-working",
                "Flexible working",
                "Request a change to your hours or where you work.",
                [
                    "Every employee can ask for flexible working from their first day. Requests are considered fairly and answered within 2 months.",
                    "Common arrangements include compressed hours, part-time working, job sharing and hybrid working between home and {building}.",
                ],
            ),
            (
                "pay-and-pensions",
                "Pay and pensions",
                "Pay dates, payslips and the Local Government Pension Scheme.",
                [
                    "Staff are paid on the last working day of each month. Payslips are available in the self-service HR system from 3 working days before pay day.",
                    "You are enrolled automatically in the Local Government Pension Scheme. Contribution rates depend on your pay band.",
                ],
            ),
        ],
    ),
    (
        "it-help",
        "IT help",
        "Passwords, remote access, devices and reporting IT faults.",
        [
            (
                "reset-your-password",
                "Reset your password",
                "Reset a forgotten or expired password yourself.",
                [
                    "Use the self-service password reset portal from any device. You will need the mobile number or personal email address you registered.",
                    "Passwords must be at least 14 characters. Three random words make a strong password that is easy to remember.",
                ],
            ),
            (
                "working-remotely",
                "Working remotely",
                "Connect securely from home or another office.",
                [
                    "Council laptops connect automatically to the secure network when you sign in at home. Do not use public Wi-Fi without the VPN.",
                    "Staff of the shared services can work from any partner building; use the visitor Wi-Fi and your normal sign-in.",
                ],
            ),
            (
                "report-an-it-fault",
                "Report an IT fault",
                "Log a fault or ask for help from the IT service desk.",
                [
                    "Log faults through the IT self-service portal. Urgent faults that stop a service to residents can be phoned through to the service desk.",
                    "Include the asset number on the sticker of your device and a screenshot of any error message.",
                ],
            ),
        ],
    ),
    (
        "adult-social-care",
        "Adult social care",
        "Procedures and guidance for adult social care practitioners.",
        [
            (
                "care-act-assessments",
                "Care Act assessments",
                "Carrying out needs assessments under the Care Act 2014.",
                [
                    "Any adult who appears to have needs for care and support is entitled to an assessment, whatever their finances.",
                    "Record assessments in the case management system within 5 working days and share the support plan with the person.",
                ],
            ),
            (
                "safeguarding-adults",
                "Safeguarding adults",
                "How to raise a concern about an adult at risk.",
                [
                    "If someone is in immediate danger, call 999. Otherwise raise a safeguarding concern the same working day.",
                    "The multi-agency safeguarding procedures are shared across the partner councils; use the form on the safeguarding hub.",
                ],
            ),
        ],
    ),
    (
        "childrens-services",
        "Children's services",
        "Guidance for staff working with children and families.",
        [
            (
                "child-protection-procedures",
                "Child protection procedures",
                "What to do if you are worried about a child.",
                [
                    "If a child is at immediate risk, call 999. Otherwise contact the multi-agency safeguarding hub straight away.",
                    "Follow the London Child Protection Procedures and record your concern and what you did about it.",
                ],
            ),
            (
                "fostering-and-adoption",
                "Fostering and adoption",
                "Support for staff who foster or adopt.",
                [
                    "Staff who are approved foster carers can have up to 5 days of paid leave a year for training and meetings.",
                    "Adoption leave and pay mirror maternity leave and pay.",
                ],
            ),
        ],
    ),
    (
        "facilities",
        "Facilities",
        "Buildings, passes, meeting rooms and getting around {building}.",
        [
            (
                "building-access",
                "Building access and passes",
                "Get a pass and access partner buildings.",
                [
                    "Your photo pass opens {building} and, for shared-service staff, the other partner town halls.",
                    "Report a lost pass to facilities straight away so it can be cancelled.",
                ],
            ),
            (
                "meeting-rooms",
                "Book a meeting room",
                "Find and book meeting rooms and desks.",
                [
                    "Book rooms and desks in {building} through the room booking system. Rooms not used within 15 minutes are released.",
                ],
            ),
        ],
    ),
]

NEWS = [
    (
        "staff-survey-results",
        "Staff survey: what you told us",
        "Thank you to the 1,400 colleagues at {org} who took part in this year's staff survey.",
        [
            "Results show most staff feel proud to work for {org}. Hybrid working and career development came up most often; each directorate will share an action plan."
        ],
    ),
    (
        "new-case-management-system",
        "New case management system goes live",
        "Social care teams at {org} move to the new case management system next month.",
        [
            "Training sessions run every week until go-live. Book a place through the learning portal."
        ],
    ),
    (
        "cost-of-living-support",
        "Cost of living support for residents",
        "A guide for front-line staff on the help {org} offers residents.",
        [
            "The guide lists the household support fund, council tax support and warm spaces across the borough."
        ],
    ),
    (
        "building-works",
        "Building works at {building}",
        "Refurbishment of the ground floor of {building} starts on Monday.",
        ["The main entrance stays open. Expect some noise between 8am and 10am."],
    ),
    (
        "long-service-awards",
        "Long service awards",
        "Congratulations to colleagues at {org} who have reached 25 years of service.",
        [
            "The awards ceremony takes place in {building} next month; nominees will be contacted by HR."
        ],
    ),
]

SHARED_NEWS = [
    (
        "shared-services-annual-report",
        "Shared services annual report published",
        "Our shared services saved the three councils £6.2 million last year.",
        [
            "The report covers adult social care, children's services, libraries and corporate services delivered together by the partner councils."
        ],
    ),
    (
        "commons-intranet-launch",
        "Welcome to Commons, the shared intranet",
        "One intranet for all partner councils: each council's own section, one search.",
        [
            "Each council keeps its own section, news and document library. Use the search box to find guidance from any partner."
        ],
    ),
    (
        "cyber-security-awareness",
        "Cyber security awareness month",
        "Phishing emails are getting harder to spot. Take the 10-minute refresher.",
        [
            "Report suspicious emails with the report button in your mail client. Never share your password, even with IT."
        ],
    ),
]

# One story of each council's own, so the roll-up is not three copies of the same news.
LOCAL_NEWS = {
    "hf": [
        (
            "fulham-palace-volunteers",
            "Volunteers wanted for Fulham Palace open day",
            "Hammersmith & Fulham staff can take a volunteering day to help at the open day.",
            ["Sign up with the community engagement team by the end of the month."],
        ),
    ],
    "rbkc": [
        (
            "north-kensington-library",
            "North Kensington Library extends opening hours",
            "The library now opens until 8pm on weekdays, with staff from two partner councils.",
            ["Staff who would like extra shifts should speak to the libraries manager."],
        ),
    ],
    "wcc": [
        (
            "oxford-street-programme",
            "Oxford Street programme: what it means for your team",
            "Westminster's Oxford Street programme moves into its next phase in the spring.",
            ["Highways, licensing and parking teams will receive a briefing pack next week."],
        ),
    ],
}

# Each council's upcoming events, dated from the day the demo is seeded: (slug, title, summary,
# location, days ahead, (hour, minute), length in minutes, audience, paragraphs).
EVENTS = [
    (
        "social-care-practice-forum",
        "Social care practice forum",
        "Practitioners from across the partnership share learning from recent cases and new guidance.",
        "Committee Room 1, {building}",
        9,
        (14, 0),
        120,
        "",
        [
            "Open to social workers, occupational therapists and practice managers from every partner council.",
            "Bring a case you would like to discuss. Remove names and other details that could identify the person.",
        ],
    ),
    (
        "budget-consultation-drop-in",
        "Budget consultation drop-in",
        "Ask the finance team about next year's budget proposals for {org} before the staff consultation closes.",
        "Ground floor foyer, {building}",
        16,
        (12, 0),
        90,
        "organisation",
        [
            "The finance team will explain the savings proposals and how they affect each directorate.",
            "Drop in at any time; you do not need to book. Questions can also be sent in advance to the budget mailbox.",
        ],
    ),
    (
        "new-starter-welcome",
        "Welcome session for new starters",
        "Meet colleagues, hear how the shared services work and get set up on the systems you need.",
        "Online (Microsoft Teams)",
        23,
        (10, 0),
        60,
        "",
        [
            "For everyone who has joined {org} in the last three months. Your line manager will send you the joining link.",
        ],
    ),
]

# Each council's own rules: they differ on purpose.
POLICIES = {
    "hf": {"requires_approval": False, "review_period_months": 12},
    "rbkc": {"requires_approval": True, "review_period_months": 6},
    "wcc": {"requires_approval": False, "review_period_months": 24},
}

STATEMENT_TEXT = (
    "I will use {org}'s OFFICIAL-SENSITIVE information only for the purpose it was shared for.\n\n"
    "I will not forward, print or copy it without a business need, and I will keep it on {org} "
    "or partner systems only.\n\n"
    "I will report any loss or suspected misuse to the information governance team at once."
)

# Content of every audience and classification: (topic slug, slug, title, summary,
# audience, classification, caveat, group slug or None, paragraphs).
RESTRICTED_PAGES = [
    (
        "facilities",
        "evacuation-plan",
        "Building evacuation plan",
        "Fire marshals, assembly points and personal evacuation plans for {building}.",
        "organisation",
        "OFFICIAL",
        "",
        None,
        ["Assembly point: the square in front of {building}. Fire marshals wear yellow tabards."],
    ),
    (
        "adult-social-care",
        "team-rota",
        "Social care duty rota",
        "Who is on duty for the adult social care front door this month.",
        "groups",
        "OFFICIAL",
        "",
        "social-care",
        [
            "The duty rota is agreed at the Monday team meeting. Swap shifts through the team manager."
        ],
    ),
    (
        "hr",
        "restructure-consultation",
        "Restructure consultation: finance directorate",
        "Proposals affecting posts in the finance directorate, shared with staff before consultation opens.",
        "organisation",
        "OFFICIAL-SENSITIVE",
        "",
        None,
        [
            "The proposals affect 14 posts. Do not discuss them outside the council until consultation opens."
        ],
    ),
    (
        "adult-social-care",
        "joint-review-findings",
        "Joint safeguarding review findings",
        "Findings shared with partner councils' social care teams under information-sharing agreements.",
        "partnership",
        "OFFICIAL-SENSITIVE",
        "",
        None,
        [
            "Three reviews this year found gaps at hospital discharge; the actions apply to every partner."
        ],
    ),
    (
        "adult-social-care",
        "safeguarding-case-reviews",
        "Safeguarding adults case reviews",
        "Learning from recent safeguarding adults reviews, with case details.",
        "groups",
        "OFFICIAL-SENSITIVE",
        "PERSONAL",
        "social-care",
        [
            "Case A: an older adult living alone whose care package lapsed after a hospital discharge.",
            "Recommendations: check the discharge plan with the hospital social work team within 2 days.",
        ],
    ),
]

AGREEMENTS = [
    {
        "grantor": "hf",
        "grantee": "rbkc",
        "reference": "ISA-2026-HF-RBKC-01",
        "purpose": "Joint adult safeguarding reviews between Hammersmith & Fulham and Kensington and Chelsea.",
        "grantee_groups": ["social-care"],
    },
]
# Who has accepted which organisations' statements (nobody else has accepted any).
ACCEPTANCES = {
    "hf.socialcare": ["hf"],
    "rbkc.socialcare": ["rbkc", "hf"],
    "wcc.socialcare": ["wcc"],
}

# Each library: (collection path, access for that collection, [(title, type, format, paragraphs)]).
# Access is (audience, classification, group slug or None); blank values inherit.
LIBRARY = [
    (
        ["HR", "Policies"],
        ("", "", None),
        [
            (
                "Annual leave policy",
                "policy",
                "docx",
                [
                    "Full-time staff get 27 days of annual leave a year.",
                    "Book leave two weeks ahead for periods over three days.",
                ],
            ),
            (
                "Flexible working procedure",
                "procedure",
                "pdf",
                [
                    "Any employee may request flexible working from their first day.",
                    "Managers reply within two months.",
                ],
            ),
            (
                "Pay scales 2026-27",
                "report",
                "xlsx",
                ["Grade", "Scale 1: £24,027", "Scale 6: £29,540", "PO1: £38,223"],
            ),
        ],
    ),
    (
        ["IT", "Guidance"],
        ("", "", None),
        [
            (
                "Working remotely guide",
                "guidance",
                "pptx",
                [
                    "Connecting from home",
                    "Use the VPN on public Wi-Fi",
                    "Report lost devices at once",
                ],
            ),
            (
                "Password guidance",
                "guidance",
                "odt",
                ["Use three random words.", "Never share your password, even with IT."],
            ),
            ("Equipment request form", "form", "rtf", ["Name:", "Team:", "Equipment needed:"]),
        ],
    ),
    (
        ["Social care", "Procedures"],
        ("groups", "OFFICIAL-SENSITIVE", "social-care"),
        [
            (
                "Adult safeguarding procedure",
                "procedure",
                "pdf",
                [
                    "Raise a safeguarding concern the same working day.",
                    "Record the concern and the action you took in the case management system.",
                ],
            ),
            (
                "Case review minutes, October",
                "minutes",
                "docx",
                [
                    "Present: safeguarding lead, two practice managers.",
                    "Case A: discharge plan not shared; action agreed.",
                ],
            ),
        ],
    ),
]

# Images in a council's library: (council slug, collection path, title, colour). An image is as
# visible as its folder: the flowchart sits in H&F's social-care procedures (social care staff
# who accepted the statement only), the photo in H&F's library for all partner staff.
IMAGES = [
    ("hf", [], "Hammersmith Town Hall at dusk", "#005ea5"),
    ("hf", ["Social care", "Procedures"], "Safeguarding referral flowchart", "#d4351c"),
]
