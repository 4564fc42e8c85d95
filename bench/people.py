"""Benchmark: the people directory at 30,000 people, on PostgreSQL and OpenSearch. Figures only.

Run with `make bench` (scripts/bench-search starts PostgreSQL and OpenSearch unless
DATABASE_URL, a postgres:// server, and OPENSEARCH_URL are set), or directly with those set.
BENCH_PEOPLE sets the size (default 30,000; a list such as the import benchmark's
"3000,30000" means its largest).

The HR import's own throughput and memory are bench/import_people.py's; here the directory is
built the fast way, to measure reading it. In a throwaway database `bench_people` (left for
EXPLAIN afterwards, dropped by the next run) and engine indexes prefixed `bench_people_`
(deleted at the end):
1. Three councils with teams two levels deep, buildings and skills; people with realistic,
   Zipf-distributed names (accents and apostrophes included), jobs, skills and languages,
   bulk-created with `search_text` from `services.person_search_text`; their search entries
   built by `search.indexing.refresh_people` (one transaction), then sent to OpenSearch by
   `search.engine_sync.push_pending`, as `rebuild_search` and `sync_search` would.
2. As a signed-in member of one council: type-ahead over a few hundred prefixes of first and
   last names (2–6 letters, some typed without the name's accents), through
   `search.service.suggest` and through GET /api/search/suggest/?q= with Django's test client,
   on each backend; then the /people/?q= directory page for names, job words and skills,
   with and without an organisation filter (it reads PostgreSQL only, whatever the engine).
   Each figure is the median of three runs after a warm one; targets are printed, not
   enforced.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
SERVER = os.environ.get("DATABASE_URL", "")
if not SERVER.startswith("postgres"):
    sys.exit("bench/people.py needs DATABASE_URL=postgres://… (make bench starts one)")
ENGINE_URL = os.environ.get("OPENSEARCH_URL", "")
BENCH_DB = "bench_people"
# Its own indexes, whatever the caller's prefix: they are deleted at the end.
os.environ["SEARCH_INDEX_PREFIX"] = "bench_people_"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import (  # noqa: E402
    fresh_database,
    ms,
    percentile,
    quiet_engine_logs,
    time_suggest,
    timed,
)

os.environ["DATABASE_URL"] = fresh_database(SERVER, BENCH_DB)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import override_settings  # noqa: E402

quiet_engine_logs()

N = max(int(size) for size in os.environ.get("BENCH_PEOPLE", "30000").split(","))
RNG = random.Random(20261212)
DATABASE = {"default": {"BACKEND": "wagtail.search.backends.database"}}
ENGINE = settings.WAGTAILSEARCH_BACKENDS if ENGINE_URL else None
# Issue 12's targets for type-ahead p95; the directory page has none yet.
TARGETS = {"PostgreSQL": 0.050, "OpenSearch": 0.030}

# --- The directory ----------------------------------------------------------------------------

COUNCILS = [
    ("wcc", "Westminster City Council", "Westminster", "westminster.gov.uk"),
    ("hf", "Hammersmith & Fulham Council", "H&F", "lbhf.gov.uk"),
    ("rbkc", "Royal Borough of Kensington and Chelsea", "RBKC", "rbkc.gov.uk"),
]
BUILDINGS = {
    "wcc": ["City Hall", "Lisson Grove", "Harrow Road Hub", "Church Street Library"],
    "hf": ["Hammersmith Town Hall", "Fulham Town Hall", "Shepherd’s Bush Library"],
    "rbkc": ["Kensington Town Hall", "Chelsea Old Town Hall", "Pembroke Road Depot"],
}
SERVICES = {
    "Children's Services": ["Early Help", "Fostering", "Assessments", "Youth Offending"],
    "Adult Social Care": ["Reablement", "Safeguarding Adults", "Occupational Therapy"],
    "Housing": ["Tenancy Management", "Homelessness Prevention", "Repairs"],
    "Environment": ["Parking", "Street Cleansing", "Licensing", "Environmental Health"],
    "Planning": ["Development Management", "Building Control", "Planning Policy"],
    "Finance": ["Payroll", "Procurement", "Revenues and Benefits"],
    "Customer Services": ["Contact Centre", "Libraries", "Registrars"],
    "People and Digital": ["HR", "Digital Services", "Communications"],
}
JOBS = """Social worker; Senior social worker; Team manager; Service manager; Head of service;
Business support officer; Housing officer; Tenancy sustainment officer; Planning officer;
Senior planning officer; Parking services officer; Civil enforcement officer;
Environmental health officer; Licensing officer; Finance business partner; Accountant;
Payroll officer; HR adviser; Customer services adviser; Occupational therapist;
Family support worker; Youth worker; Librarian; Library assistant; Street cleansing supervisor;
Highways engineer; Project manager; Data analyst; Software developer; Communications officer;
Policy officer; Procurement officer; Legal assistant; Building control surveyor; Tree officer;
Registrar; Benefits assessor; Apprentice; Fostering recruitment officer; Reablement worker"""
SKILLS = """Safeguarding; GIS; BSL; Excel; Procurement; First aid; Welsh; Python; Power BI;
Project management; Mental health first aid; Makaton; Contract management; Data protection;
Mediation; Coaching; Public speaking; Budget monitoring; SQL; Polish; Urdu; Bengali; Arabic;
Portuguese; Spanish; Trauma-informed practice; Housing law; Planning enforcement;
Food hygiene; Licensing law; CAD; Social media; Agile; PRINCE2; Equality impact assessments"""
LANGUAGES = ["Polish", "Urdu", "Bengali", "Arabic", "Portuguese", "Spanish", "French", "Yoruba"]
# Roughly London's mix, commonest first; accents, apostrophes and hyphens as people write them.
FIRST = """Sarah; James; Mohammed; Emma; David; Fatima; Michael; Priya; Daniel; Sophie;
Thomas; Aisha; Oliver; Grace; Christopher; Laura; Ahmed; Hannah; Robert; Rebecca; Siobhán;
Chloé; Kwame; Zoë; Joanne; Omar; Helen; Peter; Anjali; Matthew; Elizabeth; Yusuf; Charlotte;
William; Ngozi; Amelia; Łukasz; Aoife; José; Niamh; Małgorzata; Seán; Renée; Oluwaseun;
Ciarán; Björn; Inês; François; Ayşe; Jiří; Wei; Mei; Agnieszka; Paweł; Zoltán; Hélène;
João; Oisín; Søren; Dóra; Gökhan; Chiamaka; Eleni; Ioana; Andreea; Mihai; Anastasia;
Dmitri; Lúcia; Gonçalo; Nóra; Bríd; Eoghan; Hiroshi; Yuki; Amir; Sanjay; Aarav; Olga"""
LAST = """Smith; Jones; Patel; Khan; Williams; Brown; Taylor; Ahmed; Davies; Ali; Wilson;
Begum; Evans; Hussain; Thomas; Singh; Johnson; Roberts; Mensah; Robinson; Shah; Thompson;
Kaur; Wright; O’Brien; Walker; Murphy; White; Kelly; Edwards; Okafor; Hughes; Nowak; Green;
Sharma; Hall; Müller; Lewis; Adeyemi; Harris; Clarke; Smith-Jones; O'Connor; García; Owusu;
Boateng; Kowalski; Wiśniewski; Wójcik; Dvořák; Novák; Schäfer; Sørensen; Åberg; Nuñez;
Fernández; Gonçalves; Conceição; Lefèvre; Dubois; Çelik; Yılmaz; Şahin; Öztürk; Kovács;
Németh; Chen; Wang; Zhang; Nguyen; Tanaka; Popescu; Ionescu; Papadopoulos; Ivanova;
Ó Briain; Mac Giolla Phádraig; Nwosu; Byrne; Ní Bhriain"""
PREFERRED = {"Elizabeth": "Liz", "Robert": "Rob", "William": "Will", "Christopher": "Chris",
             "Oluwaseun": "Seun", "Małgorzata": "Gosia", "Anastasia": "Stacy"}  # fmt: skip


def names(text: str) -> list[str]:
    return [name.strip() for name in text.split(";")]


def zipf(items: list[str], k: int = 1) -> list[str]:
    """``k`` picks, the first items commonest (as Smith is)."""
    return RNG.choices(items, weights=[1 / (rank + 4) for rank in range(len(items))], k=k)


def build_directory() -> dict:
    """The councils, their teams and buildings, and ``N`` people, written in bulk; returns
    what the queries are drawn from and how long each step took."""
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import Tag

    from intranet.access.choices import Audience
    from intranet.common.text import fold
    from intranet.people.models import Person, PersonSkill
    from intranet.people.services import ensure_building, ensure_team, person_search_text
    from search import indexing
    from tests.factories import OrganisationFactory

    councils = [
        OrganisationFactory(slug=slug, name=name, short_name=short, email_domains=domain)
        for slug, name, short, domain in COUNCILS
    ]
    teams = {
        council.pk: [
            ensure_team(council, [service, team])
            for service, service_teams in SERVICES.items()
            for team in service_teams
        ]
        for council in councils
    }
    buildings = {
        council.pk: [ensure_building(council, name) for name in BUILDINGS[council.slug]]
        for council in councils
    }
    skills = Tag.objects.bulk_create(Tag(name=n, slug=slugify(n)) for n in names(SKILLS))
    first_names, last_names, jobs = names(FIRST), names(LAST), names(JOBS)

    started = time.perf_counter()
    slugs: dict[str, int] = {}
    emails: dict[str, int] = {}
    people, their_skills = [], []
    long_gone = timezone.localdate() - datetime.timedelta(days=400)
    for n in range(N):
        council = councils[n % len(councils)]
        first, last = zipf(first_names)[0], zipf(last_names)[0]
        slug = slugify(f"{first} {last}")
        slugs[slug] = slugs.get(slug, 0) + 1
        if slugs[slug] > 1:
            slug = f"{slug}-{slugs[slug]}"  # as services.unique_person_slug numbers them
        local = f"{fold(first)}.{fold(last)}".replace(" ", "")
        emails[local] = emails.get(local, 0) + 1
        if emails[local] > 1:
            local += str(emails[local])
        chosen = RNG.sample(skills, RNG.choice([0, 0, 1, 1, 2, 3, 4]))
        person = Person(
            organisation=council,
            employee_id=f"E{n:06d}",
            slug=slug,
            first_name=first,
            last_name=last,
            preferred_name=PREFERRED.get(first, "") if RNG.random() < 0.5 else "",
            job_title=zipf(jobs)[0],
            team=RNG.choice(teams[council.pk]),
            base=RNG.choice(buildings[council.pk]),
            email=f"{local}@{council.email_domains}",
            work_phone=f"020 7641 {n % 10000:04d}",
            working_days=RNG.choice(["", "", "mon,tue,wed,thu,fri", "mon,tue,wed", "tue,thu"]),
            languages=", ".join(["English", *RNG.sample(LANGUAGES, RNG.choice([0, 0, 0, 1]))]),
            audience=Audience.ORGANISATION if RNG.random() < 0.05 else Audience.PARTNERSHIP,
            left_on=long_gone if RNG.random() < 0.01 else None,  # past the grace: unlisted
        )
        person.search_text = person_search_text(person, [tag.name for tag in chosen])
        people.append(person)
        their_skills.append(chosen)
    with transaction.atomic():
        for start in range(0, N, 2000):
            Person.objects.bulk_create(people[start : start + 2000])
        PersonSkill.objects.bulk_create(
            (
                PersonSkill(content_object_id=person.pk, tag_id=tag.pk)
                for person, chosen in zip(people, their_skills, strict=True)
                for tag in chosen
            ),
            batch_size=5000,
        )
    created = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():
        indexing.refresh_people([person.pk for person in people])
    entries = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return {
        "councils": councils,
        "people": [p for p in people if p.left_on is None],
        "jobs": jobs,
        "skills": [tag.name for tag in skills],
        "teams": sum(len(t) for t in teams.values()) + len(SERVICES) * len(councils),
        "buildings": sum(len(b) for b in buildings.values()),
        "created_s": created,
        "entries_s": entries,
    }


# --- What people type -------------------------------------------------------------------------


def prefixes(people: list) -> list[str]:
    """300 type-ahead prefixes of 2–6 letters, drawn from listed people so common names come
    up as often as they do: first names, last names, accented names typed plainly, and a
    first name followed by the start of a last name."""
    from intranet.common.text import fold

    def start(name: str) -> str:
        return name[: RNG.randint(2, 6)].lower()

    accented = [p for p in people if fold(p.full_name) != p.full_name.lower()]
    return (
        [start(p.first_name) for p in RNG.sample(people, 100)]
        + [start(p.last_name) for p in RNG.sample(people, 100)]
        + [start(fold(RNG.choice([p.first_name, p.last_name]))) for p in RNG.sample(accented, 60)]
        + [f"{p.first_name.lower()} {start(p.last_name)}" for p in RNG.sample(people, 40)]
    )


def directory_queries(people: list, jobs: list[str], skills: list[str]) -> list[str]:
    """200 searches of the directory box: names as typed (whole, part, without accents),
    job words and skills."""
    from intranet.common.text import fold

    sample = RNG.sample(people, 100)
    job_words = sorted({word for job in jobs for word in job.lower().split()})
    return (
        [p.last_name for p in sample[:30]]
        + [p.full_name for p in sample[30:60]]
        + [fold(p.full_name) for p in sample[60:75]]
        + [f"{p.first_name[:3]} {p.last_name[:3]}" for p in sample[75:]]
        + RNG.sample(job_words, 30)
        + RNG.sample(jobs, 20)
        + [RNG.choice(skills) for _ in range(50)]
    )


# --- Measuring --------------------------------------------------------------------------------


def time_requests(client, path: str, params: list[dict]) -> tuple[list[float], list[int]]:
    """Each GET's time (median of three after a warm one) and its SQL queries (the warm one)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples, queries = [], []
    for query in params:

        def get(query: dict = query) -> None:
            response = client.get(path, query)
            assert response.status_code == 200, (path, query, response.status_code)

        with CaptureQueriesContext(connection) as captured:
            get()
        queries.append(len(captured))
        samples.append(timed(get, warm=False))
    return samples, queries


def row(name: str, samples: list[float], queries: list[int] | None, target: float | None) -> str:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    met = target is not None and p95 <= target
    verdict = f"≤ {ms(target)} ({'met' if met else 'MISSED'})" if target is not None else "—"
    sql = f"{percentile(queries, 50)}–{max(queries)}" if queries else ""
    return f"  {name:<44} {ms(p50):>7} {ms(p95):>7}  {verdict:<18} {sql:>7}"


def typeahead_rows(backend: str, member, client, typed: list[str]) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.service import suggest

    service = time_suggest(member, typed)
    with CaptureQueriesContext(connection) as captured:
        suggest(member, typed[0], fallback=False)
    queries = len(captured)  # now: the requests below empty the query log it reads
    api, api_queries = time_requests(client, "/api/search/suggest/", [{"q": q} for q in typed])
    target = TARGETS[backend]
    return [
        row(f"{backend}: suggest() ({len(typed)} prefixes)", service, [queries], target),
        row(f"{backend}: GET /api/search/suggest/?q=", api, api_queries, target),
    ]


def main() -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from intranet.organisations.models import Membership
    from search.backends.engine import EngineSearch
    from search.engine_indexes import delete_all_indexes, refresh_entry_index, reset_indexes
    from search.engine_sync import push_pending
    from search.models import SearchEntry

    call_command("migrate", verbosity=0)
    built = build_directory()
    councils, people = built["councils"], built["people"]
    print(
        f"People directory benchmark: {N:,} people ({len(people):,} listed), "
        f"{len(councils)} councils, {built['teams']} teams, {built['buildings']} buildings, "
        f"{len(built['skills'])} skills; PostgreSQL{' + OpenSearch' if ENGINE else ''}"
    )
    print(
        f"  Built: people {built['created_s']:.0f} s (bulk_create); search entries "
        f"{built['entries_s']:.0f} s (indexing.refresh_people, "
        f"{SearchEntry.objects.filter(kind='person').count() / built['entries_s']:,.0f}/s)"
    )

    member = get_user_model().objects.create_user("bench.staff", "bench.staff@westminster.gov.uk")
    Membership.objects.create(user=member, organisation=councils[0])
    client = Client()
    client.force_login(member)
    typed = prefixes(people)
    searches = directory_queries(people, built["jobs"], built["skills"])

    header = f"  {'':<44} {'p50':>7} {'p95':>7}  {'p95 target':<18} {'queries':>7}"
    rows = typeahead_rows("PostgreSQL", member, client, typed)
    plain, plain_queries = time_requests(client, "/people/", [{"q": q} for q in searches])
    org = [{"q": q, "org": RNG.choice(councils).slug} for q in searches]
    in_org, in_org_queries = time_requests(client, "/people/", org)
    rows += [
        row(f"/people/?q= ({len(searches)} searches)", plain, plain_queries, None),
        row("/people/?q=&org= (one council)", in_org, in_org_queries, None),
    ]
    if ENGINE:
        with override_settings(WAGTAILSEARCH_BACKENDS=ENGINE):
            try:
                reset_indexes()
                started = time.perf_counter()
                sent = push_pending()
                elapsed = time.perf_counter() - started
                # As after any bulk load: merged segments, so queries meet a settled index.
                engine = EngineSearch()
                engine.client.indices.forcemerge(
                    index=engine.index, max_num_segments=1, params={"request_timeout": 900}
                )
                refresh_entry_index()
                print(f"  Sent to OpenSearch: {sent:,} entries in {elapsed:.0f} s (push_pending)")
                rows += typeahead_rows("OpenSearch", member, client, typed)
            finally:
                delete_all_indexes()
    print(header)
    print("\n".join(rows))


if __name__ == "__main__":
    # Writes must not reach the engine as they happen: it is sent everything once, timed.
    with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE):
        main()
