"""The monthly workflow that turns the report into one GitHub issue: least privilege, pinned actions, and an issue
text that fits GitHub's limit even for a large catalogue with every offer stale - checked offline."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import copy_labels_for_more_plural_forms, run

from catalogue.synthetic import write_synthetic_catalogue

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "report.yml"
GITHUB_ISSUE_BODY_LIMIT = 65_536


@pytest.fixture(scope="module")
def workflow() -> dict:  # type: ignore[type-arg]
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_least_privilege(workflow: dict) -> None:  # type: ignore[type-arg]
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] == "false"


def test_actions_are_pinned_to_full_commits() -> None:
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.match(r"\s*# v\d", comment), f"{action}: say the version in a comment"


def test_no_expression_is_pasted_into_a_shell_script(workflow: dict) -> None:  # type: ignore[type-arg]
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")


def test_the_issue_text_fits_github_for_1000_stale_offers(workflow: dict, tmp_path: Path) -> None:
    (job,) = workflow["jobs"].values()
    script = next(step["run"] for step in job["steps"] if "FORMAT=markdown" in step.get("run", ""))
    limit = re.search(r"LIMIT=(\d+)", script)
    assert limit
    site = tmp_path / "site"
    write_synthetic_catalogue(site / "data", offers=1000, languages=["de", "en", "ar"], seed=2)
    (site / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: de, name: Deutsch, default: true}\n        - {locale: en, name: English}\n"
        "        - {locale: ar, name: العربية}\n        - {locale: uk, name: Українська}\n",
        encoding="utf-8",
    )
    copy_labels_for_more_plural_forms(site / "data/labels/en.yml", site / "data/labels/uk.yml")
    code, text, err = run("report", "--config", str(site / "mkdocs.yml"), "--today", "2029-06-01", "--format", "markdown", "--limit", limit.group(1))
    assert code == 0, err
    assert len(text) + 200 < GITHUB_ISSUE_BODY_LIMIT
    listed = len(re.findall(r"^- .*`data/offers/", text, flags=re.MULTILINE))
    assert listed <= 3 * int(limit.group(1))
    assert re.search(r"- … und \d+ weitere \(siehe CSV\)", text)
    assert "| uk | Angebote | 0 | 0 | 0 |" in text
