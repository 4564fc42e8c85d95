"""A real browser for tests marked ``browser``: Debian's Chromium driven by Playwright.

Playwright's own browser download cannot run here, so it connects to /usr/bin/chromium
(override with COMMONS_CHROMIUM). Without it the tests skip, unless COMMONS_REQUIRE_BROWSER
is set (CI sets it) — then a missing browser fails the run instead of hiding.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

CHROMIUM = Path(os.environ.get("COMMONS_CHROMIUM", "/usr/bin/chromium"))
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start.
    "--disable-gpu",
    "--disable-background-networking",  # This machine has no outside network to call.
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator:
    missing = [str(p) for p in (CHROMIUM, AXE_SCRIPT) if not p.exists()]
    if missing:
        reason = f"browser tests need {', '.join(missing)} (apt-get install chromium; npm ci)"
        if os.environ.get("COMMONS_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls
    # are still synchronous, so Django's async-safety guard does not apply to them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Entering Playwright switches this thread's context, and Django keeps its connections
    # in context-local storage: without this, tests after it would open fresh connections
    # that lack the test database's serialized contents (and, for SQLite, its data).
    test_connections = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in test_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def anonymous_page(browser, live_server):
    # bypass_csp lets axe-core be injected; the site's own policy forbids inline scripts.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def signed_in_page(browser, live_server):
    """A browser page whose session belongs to the user passed to ``sign_in(user)``."""
    contexts = []

    def sign_in(user):
        client = Client()
        client.force_login(user)
        context = browser.new_context(base_url=live_server.url, bypass_csp=True)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        contexts.append(context)
        return context.new_page()

    yield sign_in
    for context in contexts:
        context.close()
