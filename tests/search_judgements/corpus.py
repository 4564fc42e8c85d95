"""A small judged corpus: realistic intranet items from three councils, and queries with the
items a person searching would want (2 = exactly this, 1 = useful). Used by the relevance
test (nDCG@10 above a floor on each backend) and by ``make bench``.

Items are ``(key, kind, organisation, title, summary, text)``; kind is page, document or
person (people: title = name, summary = job title).
"""

ITEMS = [
    (
        "hf-leave",
        "page",
        "hf",
        "Annual leave",
        "How much annual leave you get and how to book it.",
        "Full-time staff get 27 days of annual leave plus bank holidays, rising to 32 days after "
        "five years of service. Book leave through the HR self-service portal at least two weeks "
        "ahead. Up to five days can be carried over into the next leave year.",
    ),
    (
        "wcc-leave",
        "page",
        "wcc",
        "Holiday and leave entitlement",
        "Westminster's rules for holidays, special leave and time off.",
        "Your holiday entitlement is 28 days. Special leave is available for bereavement, jury "
        "service and emergencies. Ask your manager before booking holiday in school half-terms.",
    ),
    (
        "rbkc-leave-doc",
        "document",
        "rbkc",
        "Leave policy 2026",
        "The council's policy on annual leave, carry-over and buying extra leave.",
        "This policy sets out annual leave entitlement, the rules on carry-over, and the scheme "
        "for buying up to ten extra days of leave through salary sacrifice.",
    ),
    (
        "hf-expenses",
        "page",
        "hf",
        "Claiming expenses",
        "Mileage, travel and subsistence: what you can claim.",
        "Claim mileage at 45p per mile for business journeys. Keep receipts for travel and "
        "subsistence. Submit claims within three months through the expenses system.",
    ),
    (
        "wcc-expenses-form",
        "document",
        "wcc",
        "Travel expenses claim form",
        "Form for claiming travel and subsistence expenses.",
        "Complete this form to claim travel expenses: date, journey, miles, purpose, amount. "
        "Attach receipts. Your line manager must approve the claim.",
    ),
    (
        "rbkc-safeguarding",
        "document",
        "rbkc",
        "Safeguarding adults procedure",
        "How to raise a safeguarding concern about an adult at risk.",
        "If you think an adult is at risk of abuse or neglect, raise a safeguarding concern the "
        "same day. Call the adult social care front door. In an emergency call 999.",
    ),
    (
        "hf-safeguarding-children",
        "page",
        "hf",
        "Safeguarding children",
        "Reporting concerns about a child's welfare.",
        "Contact the children's services duty team if you are worried about a child. Every "
        "member of staff must complete safeguarding training every three years.",
    ),
    (
        "wcc-safeguarding-training",
        "page",
        "wcc",
        "Safeguarding training",
        "Mandatory safeguarding courses for all staff.",
        "All staff must complete level one safeguarding training. Managers and social workers "
        "complete level two. Book courses through the learning hub.",
    ),
    (
        "hf-it-password",
        "page",
        "hf",
        "Reset your password",
        "Locked out? Reset your network password yourself.",
        "Use the self-service password reset portal. You need your registered mobile phone. "
        "Passwords must be at least fourteen characters. Call the IT service desk if stuck.",
    ),
    (
        "wcc-it-desk",
        "page",
        "wcc",
        "IT service desk",
        "Contact the IT service desk for help with laptops, phones and accounts.",
        "Log a ticket on the IT portal or call extension 4444. The service desk is open 8am to "
        "6pm. For password resets use the self-service portal first.",
    ),
    (
        "rbkc-laptop",
        "document",
        "rbkc",
        "Laptop and mobile device policy",
        "Rules for using council laptops and phones.",
        "Council laptops must be encrypted and locked when unattended. Report a lost laptop or "
        "phone to the IT service desk immediately. Do not install unapproved software.",
    ),
    (
        "hf-parking",
        "page",
        "hf",
        "Staff parking permits",
        "Applying for a staff parking permit at the town hall.",
        "Staff parking permits are issued to essential car users. Apply through facilities. "
        "Permits cost 120 pounds a year and are valid in the town hall car park.",
    ),
    (
        "wcc-cycle",
        "page",
        "wcc",
        "Cycle to work scheme",
        "Buy a bike tax-free through salary sacrifice.",
        "The cycle to work scheme lets you buy a bicycle and equipment up to 2,000 pounds through "
        "salary sacrifice. Secure cycle parking and showers are at City Hall.",
    ),
    (
        "rbkc-budget",
        "document",
        "rbkc",
        "Budget consultation report",
        "Results of the residents' budget consultation.",
        "Residents were asked about savings options for the coming year. Most supported "
        "protecting adult social care and libraries. The report recommends a council tax rise.",
    ),
    (
        "hf-budget-event",
        "page",
        "hf",
        "Budget consultation drop-in",
        "Come and discuss the budget proposals with the finance team.",
        "A drop-in session about the budget consultation in the town hall atrium. Finance "
        "officers will explain the proposals and savings options.",
    ),
    (
        "wcc-flexible",
        "page",
        "wcc",
        "Flexible and hybrid working",
        "Working from home and flexible hours.",
        "Staff may work from home up to three days a week with their manager's agreement. "
        "Flexible hours allow you to start between 7am and 10am. Core hours are 10am to 4pm.",
    ),
    (
        "rbkc-hybrid-doc",
        "document",
        "rbkc",
        "Hybrid working guidance",
        "Guidance for managers and staff on hybrid working.",
        "Hybrid working combines office days and home working. Agree a working pattern with "
        "your manager. Your home workstation must meet display screen equipment standards.",
    ),
    (
        "hf-pension",
        "page",
        "hf",
        "Local Government Pension Scheme",
        "Joining and contributing to the LGPS.",
        "All employees are enrolled in the Local Government Pension Scheme. Contributions depend "
        "on pay. You can view your pension statement online.",
    ),
    ("person-priya", "person", "hf", "Priya Raman", "Safeguarding lead, adult social care", ""),
    ("person-tom", "person", "wcc", "Tom Okafor", "IT service desk manager", ""),
    ("person-sarah", "person", "rbkc", "Sarah Whitfield", "Head of payroll and pensions", ""),
    ("person-james", "person", "wcc", "James Cole", "Parking and facilities officer", ""),
    (
        "hf-payroll",
        "page",
        "hf",
        "Payslips and pay dates",
        "When you are paid and how to see your payslip.",
        "Staff are paid on the 27th of each month. Payslips are in the HR self-service portal. "
        "Contact payroll if your pay is wrong.",
    ),
    (
        "wcc-recycling",
        "page",
        "wcc",
        "Office recycling",
        "What goes in which bin at City Hall.",
        "Paper, cans and plastic bottles go in the blue recycling bins. Food waste goes in the "
        "caddies in each kitchen. Confidential waste goes in the locked consoles.",
    ),
]

# query → {item key: grade}
JUDGEMENTS = {
    "annual leave": {"hf-leave": 2, "rbkc-leave-doc": 2, "wcc-leave": 1},
    "holiday entitlement": {"wcc-leave": 2, "hf-leave": 1, "rbkc-leave-doc": 1},
    "expenses": {"hf-expenses": 2, "wcc-expenses-form": 2},
    "mileage claim": {"hf-expenses": 2, "wcc-expenses-form": 1},
    "safeguarding": {
        "rbkc-safeguarding": 2,
        "hf-safeguarding-children": 2,
        "wcc-safeguarding-training": 2,
        "person-priya": 1,
    },
    "safeguarding training": {"wcc-safeguarding-training": 2, "hf-safeguarding-children": 1},
    "password reset": {"hf-it-password": 2, "wcc-it-desk": 1},
    "lost laptop": {"rbkc-laptop": 2, "wcc-it-desk": 1},
    "it service desk": {"wcc-it-desk": 2, "person-tom": 2, "hf-it-password": 1, "rbkc-laptop": 1},
    "parking permit": {"hf-parking": 2, "person-james": 1},
    "budget consultation": {"rbkc-budget": 2, "hf-budget-event": 2},
    "working from home": {"wcc-flexible": 2, "rbkc-hybrid-doc": 2},
    "hybrid working": {"rbkc-hybrid-doc": 2, "wcc-flexible": 2},
    "pension": {"hf-pension": 2, "person-sarah": 1},
    "payslip": {"hf-payroll": 2},
    "priya": {"person-priya": 2},
    "recycling": {"wcc-recycling": 2},
    "bike": {"wcc-cycle": 2},
}
