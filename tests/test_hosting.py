"""The README's example for hosting on a town's own server: hosting/nginx.conf, run by a stock nginx on 127.0.0.1
against a built site, serves every page, the site's 404 page with the status 404, compressed text and the caching
headers it promises."""
from __future__ import annotations

import gzip
import html
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from http.client import HTTPResponse
from pathlib import Path
from typing import Iterator

import pytest

from catalogue.data.settings import read_settings
from catalogue.office.editor_security import content_security_policy as editor_policy
from catalogue.office.editor_security import header_policy as editor_header_policy
from catalogue.site.security import content_security_policy
from tests.towns import FIXTURE_TOWN, REPO, BuiltSite

CONFIG = REPO / "hosting" / "nginx.conf"
HOW_TO_GET_NGINX = "nginx is not installed: `apt-get install nginx-light` (Debian, Ubuntu) or your system's package"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def nginx(sample_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("nginx") or next((path for path in ("/usr/sbin/nginx",) if Path(path).is_file()), None)
    if binary is None:
        pytest.fail(HOW_TO_GET_NGINX, pytrace=False)
    prefix = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    server = CONFIG.read_text(encoding="utf-8")
    assert "listen 80;" in server and "root /srv/bildungskatalog/site;" in server
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};").replace(
        "root /srv/bildungskatalog/site;", f"root {sample_site.root};"
    )
    (prefix / "site.conf").write_text(server, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(
        f"{user}daemon off;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n"
        + "".join(f"  {kind}_temp_path {prefix}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  include {prefix}/site.conf;\n}}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen([binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"nginx did not start: {process.stderr.read().decode() if process.stderr else ''}", pytrace=False)
            time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _get(url: str, *, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        response: HTTPResponse = urllib.request.urlopen(request, timeout=10)  # noqa: S310 - a local test server
    except urllib.error.HTTPError as error:
        return error.code, {key.lower(): value for key, value in error.headers.items()}, error.read()
    with response:
        return response.status, {key.lower(): value for key, value in response.headers.items()}, response.read()


@pytest.mark.parametrize("path", ["/", "/catalogue/", "/ar/catalogue/", "/offers/deutsch-von-anfang-an/", "/ar/offers/babyschwimmen/", "/search/ar/index.json"])
def test_pages_and_data_are_served_and_asked_for_again_after_each_build(nginx: str, path: str) -> None:
    status, headers, _ = _get(nginx + path)
    assert status == 200
    assert headers["cache-control"] == "no-cache"
    assert headers["x-content-type-options"] == "nosniff"


def test_the_offline_worker_is_javascript_asked_for_again_after_each_build(nginx: str) -> None:
    """Browsers refuse a service worker of any other media type; a cached one would keep an old worker (or miss the
    kill switch) for as long as the cache lasts."""
    status, headers, _ = _get(nginx + "/sw.js")
    assert status == 200
    assert headers["content-type"].split(";")[0] in ("application/javascript", "text/javascript")
    assert headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/gibt-es-nicht/", "/ar/offers/gibt-es-nicht/", "/assets/gibt-es-nicht.css"])
def test_a_missing_page_gets_the_sites_404_page_with_status_404(nginx: str, sample_site: BuiltSite, path: str) -> None:
    status, headers, body = _get(nginx + path)
    assert status == 404
    assert body == (sample_site.root / "404.html").read_bytes()
    assert headers["content-type"].startswith("text/html")


def test_a_folder_without_its_slash_is_redirected_on_the_same_site(nginx: str) -> None:
    request = urllib.request.Request(nginx + "/catalogue", method="HEAD")
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,), {"redirect_request": lambda *args: None})())
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(request, timeout=10)
    assert caught.value.code == 301
    assert caught.value.headers["Location"] == "/catalogue/"


def test_files_named_by_their_hash_are_kept_for_a_year_and_others_for_a_day(nginx: str, sample_site: BuiltSite) -> None:
    hashed = next((sample_site.root / "assets" / "stylesheets").glob("main.*.min.css"))
    _, headers, _ = _get(f"{nginx}/assets/stylesheets/{hashed.name}")
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    for script in ("catalogue.css", "catalogue.js", "share.js"):
        _, headers, _ = _get(f"{nginx}/assets/catalogue/{script}")
        assert headers["cache-control"] == "no-cache", "the catalogue's scripts keep their names: asked again like the pages"
    _, headers, _ = _get(f"{nginx}/assets/logo.png")
    assert headers["cache-control"] == "public, max-age=86400"


def test_the_editors_scripts_are_named_by_their_hash_and_kept_for_a_year(nginx: str, sample_site: BuiltSite) -> None:
    page = (sample_site.root / "admin" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="([a-z-]+\.[0-9a-f]{12}\.js)"', page)
    assert len(scripts) == 3 and any(name.startswith("decap-cms.") for name in scripts), page
    for name in scripts:
        status, headers, _ = _get(f"{nginx}/admin/{name}")
        assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    _, headers, _ = _get(f"{nginx}/admin/")
    assert headers["cache-control"] == "no-cache", "the page that names them is asked for again"


def test_text_is_sent_compressed_to_browsers_that_accept_it(nginx: str, sample_site: BuiltSite) -> None:
    status, headers, body = _get(nginx + "/ar/catalogue/", gzip_ok=True)
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == (sample_site.root / "ar/catalogue/index.html").read_bytes()
    assert "charset=utf-8" in headers["content-type"]


HSTS = "max-age=31536000"
SITE_HEADER_POLICY = content_security_policy() + "; frame-ancestors 'none'"


@pytest.mark.parametrize("path", ["/admin/", "/admin/config.yml"])
def test_the_editor_gets_its_own_policy_and_cannot_be_framed(nginx: str, path: str) -> None:
    """The example is the sample town's: its policy allows the sign-in helper named in the repository's mkdocs.yml."""
    status, headers, _ = _get(nginx + path)
    assert status == 200
    assert headers["content-security-policy"] == editor_header_policy(read_settings(REPO / "mkdocs.yml"))
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["strict-transport-security"] == HSTS
    assert headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/", "/ar/catalogue/", "/gibt-es-nicht/", "/assets/catalogue/catalogue.css", "/sw.js"])
def test_the_site_sends_its_policy_no_framing_and_https_only(nginx: str, path: str) -> None:
    _, headers, _ = _get(nginx + path)
    assert headers["content-security-policy"] == SITE_HEADER_POLICY
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["strict-transport-security"] == HSTS


def _meta_policy(page: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert found, "the page has no Content-Security-Policy <meta>"
    return html.unescape(found[1])


def test_each_pages_meta_policy_is_the_one_the_header_sends(sample_site: BuiltSite) -> None:
    """A browser enforces both the header's and the <meta>'s policy: they must be the same, frame-ancestors aside."""
    assert _meta_policy(sample_site.page("index.html")) == content_security_policy()
    assert _meta_policy(sample_site.page("admin/index.html")) == editor_policy(read_settings(FIXTURE_TOWN / "mkdocs.yml"))
