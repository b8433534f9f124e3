"""The editor refuses before saving what `make check` refuses: its rules are the check's own regular expressions,
run by JavaScript's RegExp (Node) on the same texts as Python's re, and its page carries them with the form's labels."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from catalogue.checks import text_safety
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.office.editor_rules import EDITOR_CHECK_MESSAGES, editor_rules, javascript_pattern

SAMPLES = (
    "Deutsch lernen", "<script>alert(1)</script>", "Ein <iframe src=x>", "<b", "a < b und c > d",
    "[Anmeldung](javascript:alert(1))", "[Seite](https://example.org/a_(b))", "<https://example.org>",
    "**fett** und *Stern*", "Lehrer*innen", "`<script>` als Code", "```\n<div>\n```\nText", "<!-- x -->",
    "[ref]: javascript:alert(1)\n\nText [ref]", "![Bild](data:image/png;base64,xx)", "Text\n```\n<b>offen",
)
PATTERNS = {
    "html_tag": text_safety.HTML_TAG, "plain_markup": text_safety.MARKUP_IN_PLAIN_TEXT,
    "fenced_code": text_safety.FENCED_CODE, "code_span": text_safety.CODE_SPAN,
    "inline_link": text_safety.INLINE_LINK, "reference_link": text_safety.REFERENCE_LINK,
    "autolink": text_safety.AUTOLINK,
}


@pytest.mark.skipif(shutil.which("node") is None, reason="Node runs the editor's JavaScript")
def test_javascript_finds_what_the_checks_python_finds() -> None:
    rules = {name: javascript_pattern(pattern) for name, pattern in PATTERNS.items()}
    script = (
        "const rules = JSON.parse(process.argv[1]); const samples = JSON.parse(process.argv[2]); const out = {};"
        "for (const [name, rule] of Object.entries(rules)) out[name] = samples.map(s => [...s.matchAll(new RegExp(rule.source, rule.flags))].map(m => m[0]));"
        "console.log(JSON.stringify(out));"
    )
    result = subprocess.run(["node", "-e", script, json.dumps(rules), json.dumps(SAMPLES)], capture_output=True, text=True, timeout=30, check=True)
    found = json.loads(result.stdout)
    for name, pattern in PATTERNS.items():
        assert found[name] == [[match.group() for match in pattern.finditer(sample)] for sample in SAMPLES], name


def test_a_pattern_javascript_cannot_read_is_refused_not_mistranslated() -> None:
    with pytest.raises(ValueError):
        javascript_pattern(re.compile(r"(?P<name>a)"))


def test_the_rules_carry_the_schemas_lengths_and_the_forms_labels() -> None:
    rules = editor_rules(SCHEMA_DIR)
    assert rules["limits"] == {"text": 400, "markdown": 20000}
    assert {"title", "summary", "description", "note", "name"} <= set(rules["textFields"])
    assert rules["markdownFields"] == ["body", "description"]
    assert rules["labels"]["valid_from"] == "Gültig ab"
    assert set(rules["messages"]) == set(EDITOR_CHECK_MESSAGES)
