"""`make load` scenario: signed-in staff of the three demo councils, and an editor publishing.

Run by scripts/load (which starts the servers and seeds the demo); by hand:
    .venv/bin/locust -f bench/load/locustfile.py --headless --users 20 --spawn-rate 5 \
        --run-time 2m --host http://127.0.0.1:8031
Requests are named by endpoint ("page view", "search", ...) so Locust's stats group by it.
LOAD_EDIT_PAGE_IDS (comma-separated) names the pages the editor republishes; without it the
editor only reads.
"""

import itertools
import os
import random
import re
from html.parser import HTMLParser

from locust import HttpUser, between, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "commons-demo")  # the demo's published password
COUNCILS = ["hf", "rbkc", "wcc"]
SECTION_PATHS = [
    "/{org}/",
    "/{org}/hr/",
    "/{org}/hr/annual-leave/",
    "/{org}/hr/sickness-absence/",
    "/{org}/it-help/",
    "/{org}/facilities/",
    "/{org}/events/",
]
NEWS_PATHS = ["/news/", "/{org}/news/"]
SEARCH_WORDS = [
    "annual leave",
    "sickness",
    "flexible working",
    "parking",
    "password reset",
    "safeguarding",
    "pension",
    "expenses policy",
    "fire evacuation",
    "laptop",
]
SUGGEST_PREFIXES = ["ann", "sick", "flex", "park", "pas", "saf", "pen", "exp", "fire", "lap"]
PEOPLE_QUERIES = ["", "officer", "Hughes", "social care", "manager"]
DOCUMENT_LINK = re.compile(r'href="(/documents/\d+/)"')
DOWNLOAD_LINK = re.compile(r'href="(/documents/\d+/[^"/]+\.[a-z0-9]+)"')

_staff = itertools.cycle(f"{org}.staff" for org in COUNCILS)


class FormFields(HTMLParser):
    """The fields a browser would submit from the page's first form with method=post."""

    def __init__(self, form_id: str | None = None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._multiple = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self._in_form and not self.fields:
            wanted = a.get("id") == self.form_id if self.form_id else True
            self._in_form = wanted and (a.get("method") or "").lower() == "post"
            return
        if not self._in_form or a.get("disabled") is not None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self.fields.append((name, a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._options, self._multiple = name, [], "multiple" in a
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form:
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]
            self.fields.extend((self._select, value) for value in chosen)
            self._select = None


def form_fields(html: str, form_id: str | None = None) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


class SignedIn(HttpUser):
    abstract = True
    username = ""

    def on_start(self):
        page = self.client.get("/accounts/login/", name="sign in (form)")
        token = dict(form_fields(page.text)).get("csrfmiddlewaretoken", "")
        with self.client.post(
            "/accounts/login/",
            data={"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/accounts/login/"},
            name="sign in",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure(f"{self.username} was not signed in")


class Staff(SignedIn):
    """A member of staff of one of the three councils, reading, searching and downloading."""

    weight = 10
    wait_time = between(1, 4)

    def on_start(self):
        self.username = next(_staff)
        self.org = self.username.split(".")[0]
        self.documents: list[str] = []
        super().on_start()

    def _path(self, template: str) -> str:
        return template.format(org=self.org)

    @task(4)
    def home(self):
        self.client.get("/", name="home")

    @task(6)
    def page_view(self):
        self.client.get(self._path(random.choice(SECTION_PATHS)), name="page view")

    @task(2)
    def news(self):
        self.client.get(self._path(random.choice(NEWS_PATHS)), name="news")

    @task(2)
    def library(self):
        path = random.choice(["/documents/", self._path("/{org}/documents/")])
        response = self.client.get(path, name="library")
        if response.ok:
            self.documents = sorted(set(DOCUMENT_LINK.findall(response.text))) or self.documents

    @task(2)
    def download(self):
        if not self.documents:
            self.library()
        if not self.documents:
            return
        detail = self.client.get(random.choice(self.documents), name="document")
        links = DOWNLOAD_LINK.findall(detail.text) if detail.ok else []
        if links:
            self.client.get(links[0], name="download")

    @task(4)
    def search(self):
        self.client.get("/search/", params={"q": random.choice(SEARCH_WORDS)}, name="search")

    @task(4)
    def suggest(self):
        self.client.get(
            "/api/search/suggest/", params={"q": random.choice(SUGGEST_PREFIXES)}, name="suggest"
        )

    @task(1)
    def people(self):
        query = random.choice(PEOPLE_QUERIES)
        self.client.get("/people/", params={"q": query} if query else None, name="people")


class Editor(SignedIn):
    """One editor republishing a page of their section through the Wagtail admin."""

    fixed_count = 1
    username = os.environ.get("LOAD_EDITOR", "hf.editor")
    wait_time = between(3, 6)
    page_ids = [int(i) for i in os.environ.get("LOAD_EDIT_PAGE_IDS", "").split(",") if i]

    @task
    def publish(self):
        if not self.page_ids:
            self.client.get("/admin/", name="admin")
            return
        path = f"/admin/pages/{random.choice(self.page_ids)}/edit/"
        form = self.client.get(path, name="edit form")
        if not form.ok:
            return
        fields = [(k, v) for k, v in form_fields(form.text, "page-edit-form") if k != "action"]
        fields.append(("action-publish", "action-publish"))
        with self.client.post(
            path,
            data=fields,
            headers={"Referer": self.host + path},
            name="publish",
            catch_response=True,
        ) as response:
            # Success redirects to the explorer; a re-shown edit form means it was refused.
            if response.ok and "/edit/" in response.url:
                response.failure("publish refused (edit form shown again)")
