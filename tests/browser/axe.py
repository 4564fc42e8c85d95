"""Runs axe-core in a Playwright page and explains any violation in the assertion message."""

from tests.browser.conftest import AXE_SCRIPT

WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Structure rules axe files under best practice, which our brief requires on every page.
STRUCTURE_RULES = ["landmark-one-main", "page-has-heading-one", "region", "bypass"]


def axe_violations(page, run_only: dict) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("options => axe.run(document, options)", {"runOnly": run_only})
    return results["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(
            f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"]
        )
    return "\n".join(lines)


def assert_accessible(page) -> None:
    """Zero WCAG 2.2 AA violations and the page structure every page must have."""
    violations = axe_violations(page, {"type": "tag", "values": WCAG_22_AA_TAGS})
    violations += axe_violations(page, {"type": "rule", "values": STRUCTURE_RULES})
    assert not violations, f"{page.url}\n{describe(violations)}"
    assert page.locator("h1").count() == 1, f"{page.url} must have exactly one h1"
    assert page.locator("a.govuk-skip-link[href='#main-content']").count() == 1
