"""The GitHub workflows are pinned, least-privileged and lint clean (zizmor, and actionlint where it is installed)."""
from __future__ import annotations

import hashlib
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
TOWN_WORKFLOWS = REPO / "hooks" / "catalogue" / "town" / "github" / "workflows"
"""The workflows `new-town` writes into a town's repository."""
WORKFLOW_FOLDERS = (REPO / ".github" / "workflows", TOWN_WORKFLOWS)
WORKFLOWS = sorted(file for folder in WORKFLOW_FOLDERS for file in folder.glob("*.yml"))
ISSUE_WORKFLOWS = [folder / "issue-to-pull-request.yml" for folder in WORKFLOW_FOLDERS]
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")


def _workflow(file: Path) -> dict[Any, Any]:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("file", WORKFLOWS, ids=lambda file: ("town/" if file.parent == TOWN_WORKFLOWS else "") + file.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_named(file: Path) -> None:
    uses = [line for line in file.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert uses, "a workflow without actions needs no pinning test"
    assert [line for line in uses if not PINNED.match(line)] == []


@pytest.mark.parametrize("file", WORKFLOWS, ids=lambda file: ("town/" if file.parent == TOWN_WORKFLOWS else "") + file.name)
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
        ("issue-to-pull-request.yml", "publish"): {"contents", "pull-requests", "issues"},
        ("publish.yml", "deploy"): {"pages", "id-token"},
        ("report.yml", "report"): {"issues"},
    }


def test_the_pull_request_check_keeps_the_built_site_for_preview() -> None:
    steps = _workflow(REPO / ".github" / "workflows" / "check.yml")["jobs"]["data"]["steps"]
    uploads = [step for step in steps if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [step["with"]["path"] for step in uploads] == ["site"]


@pytest.mark.parametrize("workflow", ISSUE_WORKFLOWS, ids=["product", "town"])
def test_untrusted_issue_text_never_appears_inside_a_command(workflow: Path) -> None:
    text = workflow.read_text(encoding="utf-8")
    for job in _workflow(workflow)["jobs"].values():
        for step in job["steps"]:
            assert "github.event.issue" not in step.get("run", ""), step.get("name")
    assert "ISSUE_BODY: ${{ github.event.issue.body }}" in text


@pytest.mark.parametrize("folder", WORKFLOW_FOLDERS, ids=["product", "town"])
@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_finds_nothing(persona: str, folder: Path) -> None:
    zizmor = Path(sys.executable).with_name("zizmor")
    finished = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", f"--persona={persona}", *(str(file) for file in sorted(folder.glob("*.yml")))],
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


ISSUE_WORKFLOW = REPO / ".github" / "workflows" / "issue-to-pull-request.yml"
HOOKS_OFF = "git -c core.hooksPath=/dev/null"


def _jobs_with(workflow: Path, text: str) -> dict[str, dict[str, Any]]:
    return {name: job for name, job in _workflow(workflow)["jobs"].items() if text in yaml.safe_dump(job)}


@pytest.mark.parametrize("workflow", ISSUE_WORKFLOWS, ids=["product", "town"])
def test_the_issue_text_is_read_in_a_job_without_any_permission_that_hands_its_file_on(workflow: Path) -> None:
    """A planted hook or a poisoned install in the job that reads the untrusted issue finds no token to steal."""
    readers = _jobs_with(workflow, "github.event.issue.body")
    assert len(readers) == 1
    job = next(iter(readers.values()))
    assert job["permissions"] == {}
    assert "github.token" not in yaml.safe_dump(job) and "secrets." not in yaml.safe_dump(job)
    uploads = [step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact@")]
    assert len(uploads) == 1 and uploads[0]["with"].get("if-no-files-found") == "error"


@pytest.mark.parametrize("workflow", ISSUE_WORKFLOWS, ids=["product", "town"])
def test_the_job_that_writes_runs_no_code_of_the_repository_and_no_git_hook(workflow: Path) -> None:
    writers = [job for job in _workflow(workflow)["jobs"].values() if "write" in job["permissions"].values()]
    assert len(writers) == 1
    steps = writers[0]["steps"]
    scripts = "\n".join(step.get("run", "") for step in steps)
    assert not re.search(r"\b(make|python|pip|npm|node)\b", scripts), "the job with the write token runs the repository's code"
    assert not [step for step in steps if str(step.get("uses", "")).startswith(("actions/setup-python@", "actions/setup-node@"))]
    assert any(str(step.get("uses", "")).startswith("actions/download-artifact@") for step in steps)
    git_calls = re.findall(r"(?m)^\s*(git\s.*)$", scripts)
    assert git_calls and all(call.startswith(HOOKS_OFF) for call in git_calls), git_calls
    assert not re.search(r"(&&|\|\||;|\$\()\s*git\s", scripts), "a git call in the middle of a line escapes the check above"


@pytest.mark.parametrize("file", WORKFLOWS, ids=lambda file: ("town/" if file.parent == TOWN_WORKFLOWS else "") + file.name)
def test_no_workflow_force_pushes_or_hides_a_failure(file: Path) -> None:
    text = file.read_text(encoding="utf-8")
    assert not re.search(r"git[^\n]*\spush[^\n]*\s(--force|-f\b|\+)", text)
    assert "|| true" not in text and "continue-on-error" not in text


class PublishRun:
    """The step that commits, pushes and opens the pull request, run by bash as GitHub runs it, in a clone of a
    local repository standing in for GitHub (git's url.insteadOf), with a `gh` that records what it is asked."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.remote = tmp_path / "github.git"
        self.clone = tmp_path / "checkout"
        self.result = tmp_path / "runner" / "result"
        self.gh_log = tmp_path / "gh.log"
        self.hook_ran = tmp_path / "hook-ran"
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(self.remote)], check=True)
        subprocess.run(["git", "clone", "-q", str(self.remote), str(self.clone)], check=True, capture_output=True)
        self._git("commit", "-q", "--allow-empty", "-m", "start")
        self._git("push", "-q", "origin", "HEAD:refs/heads/main")
        for hook in ("pre-commit", "post-checkout", "pre-push", "reference-transaction"):
            script = self.clone / ".git" / "hooks" / hook
            script.write_text(f"#!/bin/sh\necho \"$GH_TOKEN\" >> {self.hook_ran}\n", encoding="utf-8")
            script.chmod(0o755)
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        (bin_dir / "gh").write_text(f"#!/bin/sh\nprintf '%s\\n' \"$*\" >> {self.gh_log}\n", encoding="utf-8")
        (bin_dir / "gh").chmod(0o755)
        self.path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
        self.result.mkdir(parents=True)

    def _git(self, *arguments: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
            cwd=self.clone, check=True, capture_output=True, text=True,
        ).stdout

    def converted(self, path: str, body: str = "### Titel\n\nDeutschkurs\n") -> None:
        (self.result / "path.txt").write_text(path + "\n", encoding="utf-8")
        (self.result / "offer.yml").write_text("id: deutschkurs\n", encoding="utf-8")
        (self.result / "comment.md").write_text("Danke!\n", encoding="utf-8")
        (self.result / "revision.txt").write_text(hashlib.sha256(body.encode("utf-8")).hexdigest() + "\n", encoding="utf-8")

    def remote_branches(self) -> dict[str, str]:
        listing = subprocess.run(["git", "ls-remote", "--heads", str(self.remote)], capture_output=True, text=True, check=True).stdout
        return {ref.removeprefix("refs/heads/"): sha for sha, ref in (line.split("\t") for line in listing.splitlines())}

    def run(self) -> subprocess.CompletedProcess[str]:
        step = next(step for job in _workflow(ISSUE_WORKFLOW)["jobs"].values() for step in job["steps"] if "gh pr create" in step.get("run", ""))
        token_url = "https://x-access-token:test-token@github.com/stadt/katalog.git"
        environment = {
            "PATH": self.path, "HOME": str(self.tmp), "RUNNER_TEMP": str(self.result.parent),
            "GH_TOKEN": "test-token", "ISSUE": "42", "REPOSITORY": "stadt/katalog", "UPDATED_AT": "2026-11-26T10:00:00Z",
            "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": f"url.{self.remote}.insteadOf", "GIT_CONFIG_VALUE_0": token_url,
        }
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                              cwd=self.clone, env=environment, capture_output=True, text=True, timeout=60)


def test_the_pull_request_is_opened_from_a_new_branch_naming_the_issue_text_it_used(tmp_path: Path) -> None:
    publish = PublishRun(tmp_path)
    body = "### Titel\n\nDeutschkurs am Abend\n"
    publish.converted("data/offers/vhs/deutschkurs.yml", body)
    finished = publish.run()
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert "angebot/issue-42" in publish.remote_branches()
    shown = subprocess.run(["git", "show", "angebot/issue-42:data/offers/vhs/deutschkurs.yml"], cwd=publish.remote,
                           capture_output=True, text=True, check=True).stdout
    assert shown == "id: deutschkurs\n"
    assert not publish.hook_ran.exists(), "a git hook of the checkout ran while the token was there"
    calls = publish.gh_log.read_text(encoding="utf-8")
    assert "pr create" in calls
    assert hashlib.sha256(body.encode("utf-8")).hexdigest() in calls and "2026-11-26T10:00:00Z" in calls


def test_an_existing_branch_is_never_overwritten_and_the_run_fails(tmp_path: Path) -> None:
    publish = PublishRun(tmp_path)
    publish._git("push", "-q", "origin", "HEAD:refs/heads/angebot/issue-42")
    before = publish.remote_branches()
    publish.converted("data/offers/vhs/deutschkurs.yml")
    finished = publish.run()
    assert finished.returncode != 0
    assert "angebot/issue-42" in finished.stdout + finished.stderr
    assert publish.remote_branches() == before
    assert not publish.gh_log.exists() or "pr create" not in publish.gh_log.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["hooks/evil.py", ".git/hooks/post-commit", "data/offers/../../hooks/x.yml", "data/offers/vhs/x.yml\nmkdocs.yml"])
def test_a_file_outside_the_offers_is_refused_before_anything_is_committed(tmp_path: Path, path: str) -> None:
    publish = PublishRun(tmp_path)
    before = publish.remote_branches()
    publish.converted(path)
    finished = publish.run()
    assert finished.returncode != 0
    assert publish.remote_branches() == before
