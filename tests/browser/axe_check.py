"""Runs axe-core in a page and describes what it found in words a developer can act on."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "EN-301-549")

_RUN_AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
  })))"""


def axe_violations(page: Page, axe_script: Path) -> list[dict[str, Any]]:
    # Evaluated through the DevTools protocol: a <script> tag added to the page would break its Content Security Policy.
    page.evaluate("source => (0, eval)(source)", axe_script.read_text(encoding="utf-8"))
    return page.evaluate(_RUN_AXE, list(AXE_TAGS))


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} - {violation['helpUrl']}")
        for node in violation["nodes"]:
            first_reason = node["summary"].splitlines()[1:2] or [""]
            lines.append(f"    {node['target']}  {first_reason[0].strip()}")
    return "\n".join(lines)
