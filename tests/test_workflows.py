"""The GitHub workflows are pinned, least-privileged and lint clean (zizmor, and actionlint where it is installed)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")


def _workflow(file: Path) -> dict[Any, Any]:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", WORKFLOWS, ids=lambda file: file.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_named(file: Path) -> None:
    uses = [line for line in file.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert uses, "a workflow without actions needs no pinning test"
    assert [line for line in uses if not PINNED.match(line)] == []


@pytest.mark.parametrize("file", WORKFLOWS, ids=lambda file: file.name)
def test_the_workflow_grants_nothing_and_each_job_asks_for_its_own_permissions(file: Path) -> None:
    workflow = _workflow(file)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"job {name} has no permissions of its own"
        assert "write-all" not in str(job["permissions"])


def test_only_these_jobs_may_write_and_only_what_they_need() -> None:
    writers = {
        (file.name, name): {scope for scope, level in job["permissions"].items() if level == "write"}
        for file in WORKFLOWS for name, job in _workflow(file)["jobs"].items()
        if "write" in job["permissions"].values()
    }
    assert writers == {
        ("issue-to-pull-request.yml", "convert"): {"contents", "pull-requests", "issues"},
        ("publish.yml", "deploy"): {"pages", "id-token"},
        ("report.yml", "report"): {"issues"},
    }


def test_the_pull_request_check_keeps_the_built_site_for_preview() -> None:
    steps = _workflow(REPO / ".github" / "workflows" / "check.yml")["jobs"]["data"]["steps"]
    uploads = [step for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [step["with"]["path"] for step in uploads] == ["site"]


def test_untrusted_issue_text_never_appears_inside_a_command() -> None:
    text = (REPO / ".github" / "workflows" / "issue-to-pull-request.yml").read_text(encoding="utf-8")
    for step in _workflow(REPO / ".github" / "workflows" / "issue-to-pull-request.yml")["jobs"]["convert"]["steps"]:
        assert "github.event.issue" not in step.get("run", ""), step.get("name")
    assert "ISSUE_BODY: ${{ github.event.issue.body }}" in text


@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_finds_nothing(persona: str) -> None:
    zizmor = Path(sys.executable).with_name("zizmor")
    finished = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", f"--persona={persona}", str(REPO / ".github" / "workflows")],
        capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert "No findings to report" in finished.stdout + finished.stderr


def test_actionlint_finds_nothing() -> None:
    actionlint = os.environ.get("ACTIONLINT") or shutil.which("actionlint")
    if not actionlint:
        pytest.skip("actionlint is not installed (README, 'Workflows': how to build it with Go)")
    finished = subprocess.run([actionlint, "-no-color"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stdout + finished.stderr
