"""The monthly workflow that turns the report into one GitHub issue: least privilege, pinned actions, and an issue
text that fits GitHub's limit even for a large catalogue with every offer stale - checked offline."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import copy_labels_for_more_plural_forms, run

from tests.towns import FIXTURE_DATA
from bench.synthetic import write_synthetic_catalogue

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


@pytest.mark.scale
def test_the_issue_text_fits_github_for_1000_stale_offers(workflow: dict, tmp_path: Path) -> None:
    (job,) = workflow["jobs"].values()
    script = next(step["run"] for step in job["steps"] if "FORMAT=markdown" in step.get("run", ""))
    limit = re.search(r"LIMIT=(\d+)", script)
    assert limit
    site = tmp_path / "site"
    write_synthetic_catalogue(site / "data", offers=1000, languages=["de", "en", "ar"], seed=2, template_data_dir=FIXTURE_DATA)
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


BOT = {"login": "app/github-actions", "is_bot": True}
TITLE = "Monatsbericht: Aktualität und Übersetzungen"


def _run_issue_step(workflow: dict, tmp_path: Path, issues: list[dict]) -> list[str]:  # type: ignore[type-arg]
    """Runs the step that finds the report issue, with a `gh` that answers `issue list` from `issues` (applying the
    step's own --jq filter with jq, as gh does) and records every other call; returns the recorded calls."""
    (job,) = workflow["jobs"].values()
    step = next(step for step in job["steps"] if "gh issue" in step.get("run", ""))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "issues.json").write_text(json.dumps(issues), encoding="utf-8")
    log = tmp_path / "gh.log"
    (bin_dir / "gh").write_text(
        "#!/bin/bash\n"
        f'if [ "$1 $2" = "issue list" ]; then\n'
        '  while [ $# -gt 0 ]; do if [ "$1" = "--jq" ]; then expression="$2"; fi; shift; done\n'
        f'  jq -r "$expression" {tmp_path / "issues.json"}\n'
        "else\n"
        f"  printf '%s\\n' \"$*\" >> {log}\n"
        "fi\n",
        encoding="utf-8",
    )
    (bin_dir / "gh").chmod(0o755)
    (tmp_path / "report.md").write_text("Bericht\n", encoding="utf-8")
    environment = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path), **step.get("env", {})}
    finished = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=tmp_path,
                              env=environment, capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq (which gh's --jq stands in for) is not installed")
def test_a_strangers_issue_with_the_reports_title_is_never_written_into(workflow: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    stranger = {"number": 7, "title": TITLE, "author": {"login": "someone", "is_bot": False}, "labels": []}
    calls = _run_issue_step(workflow, tmp_path, [stranger])
    assert not [call for call in calls if call.startswith("issue edit")], calls
    created = [call for call in calls if call.startswith("issue create")]
    assert len(created) == 1 and "--label" in created[0]


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq (which gh's --jq stands in for) is not installed")
def test_the_workflows_own_labelled_issue_is_updated_in_place(workflow: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    label = next(step for step in next(iter(workflow["jobs"].values()))["steps"] if "gh issue" in step.get("run", ""))["env"]["LABEL"]
    issues = [
        {"number": 3, "title": TITLE, "author": {"login": "someone", "is_bot": False}, "labels": []},
        {"number": 5, "title": "Anderer Titel", "author": BOT, "labels": [{"name": label}]},
    ]
    calls = _run_issue_step(workflow, tmp_path, issues)
    assert [call for call in calls if call.startswith("issue ")] == ["issue edit 5 --body-file report.md"]
