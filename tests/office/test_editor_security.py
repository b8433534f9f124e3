"""The editor's page under /admin/ carries its own Content-Security-Policy: the signed-in GitHub token sits in the
origin's localStorage, so the page may send data only to itself, GitHub's API and the town's sign-in helper."""
from __future__ import annotations

import html.parser

import pytest

from catalogue.data.settings import Settings, read_settings, settings_from_config
from catalogue.office.editor_page import _page
from catalogue.office.editor_security import (
    GITHUB_API,
    LOCAL_BACKEND,
    content_security_policy,
    header_policy,
)
from tests.towns import REPO

SAMPLE = read_settings(REPO / "mkdocs.yml")


class _Head(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attributes.get("content") or "")
        self._in_script = tag == "script" and "src" not in attributes and attributes.get("type") in (None, "text/javascript", "module")

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def with_editor(editor: dict[str, object]) -> Settings:
    config = {"site_name": "T", "site_url": "https://t.example.org/", "extra": {"catalogue": {"editor": editor}}}
    return settings_from_config(config, REPO)


def parsed_page(settings: Settings) -> _Head:
    head = _Head()
    head.feed(_page(settings, {"languages": []}, {"start": "start.js", "decap": "decap-cms.js", "editor": "editor.js"}))
    return head


def test_the_page_carries_one_policy_and_no_inline_script() -> None:
    head = parsed_page(SAMPLE)
    assert head.policies == [content_security_policy(SAMPLE)]
    allowed = directives(head.policies[0])["script-src"]
    assert head.inline_scripts == []
    assert "'unsafe-inline'" not in allowed and not [source for source in allowed if ":" in source or "*" in source or source.startswith("'sha")]


def test_data_goes_only_to_the_site_github_the_sign_in_helper_and_the_local_backend() -> None:
    policy = directives(content_security_policy(SAMPLE))
    assert policy["connect-src"] == ["'self'", GITHUB_API, "https://editor-anmeldung.neustadt.example.org", LOCAL_BACKEND]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]


@pytest.mark.parametrize(("base_url", "helper"), [
    ("https://login.example.org/oauth/", "https://login.example.org"),
    ("https://login.example.org:8443", "https://login.example.org:8443"),
    (None, None),
    ("javascript:alert(1)", None),
])
def test_the_sign_in_helper_is_allowed_by_its_origin_only(base_url: str | None, helper: str | None) -> None:
    editor: dict[str, object] = {"repo": "stadt/katalog"}
    if base_url is not None:
        editor["base_url"] = base_url
    connect = directives(content_security_policy(with_editor(editor)))["connect-src"]
    assert connect == [source for source in ("'self'", GITHUB_API, helper, LOCAL_BACKEND) if source]


def test_frame_ancestors_is_left_to_the_header_since_browsers_ignore_it_in_meta() -> None:
    assert "frame-ancestors" not in directives(content_security_policy(SAMPLE))
    assert directives(header_policy(SAMPLE))["frame-ancestors"] == ["'none'"]
    assert header_policy(SAMPLE).startswith(content_security_policy(SAMPLE))
