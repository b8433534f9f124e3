"""The thin adapter between mkdocs (with mkdocs-static-i18n and Material) and the catalogue core.

Only this module knows mkdocs. It loads and checks the data once per build, hands each language's build the
generated pages, and writes the files that span all languages after the last language is built.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from catalogue.build.rendering import RenderingPool, RenderJob
from catalogue.build.site_output import LanguageOutput, write_language_outputs, write_site_wide_outputs
from catalogue.data.history import offer_history
from catalogue.data.loading import LoadResult, load_catalogue
from catalogue.data.problems import format_problem
from catalogue.data.publication import Publication, hidden_report, publish
from catalogue.data.settings import Settings, read_settings
from catalogue.language.markdown_text import html_to_text
from catalogue.language.reader_language import direction_of
from catalogue.data.package_files import SCHEMA_DIR
from catalogue.office.editor_config import EditorSettings, editor_config, editor_config_text
from catalogue.office.editor_page import DECAP_SCRIPT, editor_files
from catalogue.site.content_fallback import content_fallback_source
from catalogue.site.content_placeholders import fill_placeholders, placeholder_values
from catalogue.site.frame import SLOT_BODY, SLOT_DESCRIPTION, SLOT_HEAD, SLOT_TITLE, PageFrame, slot_url
from catalogue.site.material_language import material_has_language, material_language_partial
from catalogue.site.not_found import not_found_body
from catalogue.site.search_index import ContentEntry
from catalogue.site.site_chrome import LEGAL_PAGES, SiteChrome
from jinja2 import BytecodeCache, ChoiceLoader, DictLoader, Environment
from jinja2.bccache import Bucket
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class _CompiledTemplates(BytecodeCache):
    """Keeps Material's compiled templates across the per-language builds instead of compiling them eight times."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_compiled_templates = _CompiledTemplates()
_HOME_MARKERS = {f"<!-- catalogue:{name} -->": name for name in ("search", "categories", "news")}


@dataclass
class _Build:
    """What one full build (all languages) shares; made anew when the default language starts building."""

    settings: Settings
    loaded: LoadResult
    publication: Publication
    job: RenderJob
    pool: RenderingPool
    outputs: dict[str, LanguageOutput] = field(default_factory=dict)
    written_languages: set[str] = field(default_factory=set)
    files: Files | None = None
    nav: Navigation | None = None
    env: Environment | None = None


_build: _Build | None = None


def _current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or config.theme.get("language") or "de"


def _build_date() -> date:
    fixed = os.environ.get("CATALOGUE_BUILD_DATE")
    try:
        return date.fromisoformat(fixed) if fixed else date.today()
    except ValueError as error:
        raise Abort(f"CATALOGUE_BUILD_DATE must be a date written YYYY-MM-DD, not {fixed!r}") from error


def _start_build(config: MkDocsConfig) -> _Build:
    try:
        settings = read_settings(Path(config.config_file_path))
    except ValueError as error:
        raise Abort(str(error)) from error
    today = _build_date()
    loaded = load_catalogue(settings, today=today)
    errors = [problem for problem in loaded.problems if problem.severity == "error"]
    for problem in loaded.problems:
        if problem.severity == "warning":
            log.info(format_problem(problem, style="text"))
    if errors or loaded.catalogue is None:
        listing = "\n".join(format_problem(problem, style="text") for problem in errors)
        raise Abort(f"The catalogue's data has {len(errors)} error(s); nothing was built:\n{listing}")
    publication = publish(loaded.catalogue, today)
    for line in hidden_report(publication):
        log.info(line)
    job = RenderJob(publication, settings, loaded.labels, offer_history(publication, settings), synonyms=loaded.synonyms, formats=loaded.formats, previews=loaded.unreviewed)
    return _Build(settings=settings, loaded=loaded, publication=publication, job=job, pool=RenderingPool(job, settings.language_codes))


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    plugin = config.plugins.get("i18n")
    language = getattr(plugin, "current_language", None)
    if language is None:
        return config
    if _build is None or language == _build.settings.default_language:
        if _build is not None:
            _build.pool.close()
        _build = _start_build(config)
    return config


@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _build is not None:
        _build.files = files
        _follow_fallback_chain(files, config)
    return files


def _follow_fallback_chain(files: Files, config: MkDocsConfig) -> None:
    """A hand-written page the language lacks shows the first version its fallback chain has, not always the
    default language's (mkdocs-static-i18n knows only the latter)."""
    assert _build is not None
    settings = _build.settings
    language = _current_language(config)
    chain = [code for code in settings.fallback_chain(language) if code != settings.default_language]
    if not chain:
        return
    for file in files.documentation_pages():
        if getattr(file, "locale", None) != settings.default_language:
            continue
        found = content_fallback_source(Path(config.docs_dir), getattr(file, "norm_src_uri", file.src_uri), chain)
        if found is not None:
            file.abs_src_path = str(found[0])
            file.locale = found[1]


@event_priority(-110)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _build is not None:
        _build.nav = nav
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if _build is None:
        return env
    language = _current_language(config)
    if not material_has_language(language):
        theme_labels = _build.loaded.theme_labels.get(language)
        if not theme_labels:
            raise Abort(
                f"Material for MkDocs has no interface words for '{language}'. "
                f"Add a 'theme:' section to data/labels/{language}.yml (copy it from data/labels/ti.yml and translate it)."
            )
        env.loader = ChoiceLoader([DictLoader({f"partials/languages/{language}.html": material_language_partial(language, _build.loaded.directions.get(language, "ltr"), theme_labels)}), env.loader])
    _build.env = env
    env.bytecode_cache = _compiled_templates
    env.filters["catalogue_absolute"] = lambda link: urljoin(_build.settings.site_url, link) if _build else link
    env.filters["catalogue_direction"] = direction_of
    env.globals["catalogue"] = SiteChrome(_build.job.reader(language), _has_legal_pages(config, language))
    if language == _build.settings.default_language:
        env.globals["catalogue_not_found"] = not_found_body([_build.job.reader(code) for code in _build.settings.language_codes])
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fills the town's settings into a hand-written page: its text, title and description."""
    if _build is None:
        return markdown
    language = page.file.locale if isinstance(getattr(page.file, "locale", None), str) else _current_language(config)
    values = placeholder_values(_build.job.reader(language if language in _build.settings.language_codes else _current_language(config)))
    filled = fill_placeholders(markdown, values)
    unknown = list(filled.unknown)
    for key, value in list(page.meta.items()):
        if isinstance(value, str):
            meta = fill_placeholders(value, values)
            page.meta[key] = meta.text
            unknown += meta.unknown
    for name in dict.fromkeys(unknown):
        log.warning(
            f"{page.file.src_uri}: {{{{ {name} }}}} is not a setting – use one of {', '.join(sorted(values))}, "
            f"or set it under extra.catalogue in mkdocs.yml"
        )
    return filled.text
def _has_legal_pages(config: MkDocsConfig, language: str) -> bool:
    """Whether every legal page has a source of its own in the language (e.g. content/impressum.ar.md)."""
    if _build is None or language == _build.settings.default_language:
        return True
    return all((Path(config.docs_dir) / f"{name}.{language}.md").is_file() for name in LEGAL_PAGES)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _build is None:
        return html
    output = _language_output(config)
    prefix = _build.settings.url_prefix(output.language)
    if page.file.dest_uri == prefix + "index.html":
        for marker, name in _HOME_MARKERS.items():
            html = html.replace(marker, output.home_fragment(name, root=""))
    url = page.url.removeprefix(prefix)
    language = page.file.locale if isinstance(getattr(page.file, "locale", None), str) else output.language
    output.add_content_page(ContentEntry(url=url, title=page.title or "", text=html_to_text(html), language=language))
    return html


def _language_output(config: MkDocsConfig) -> LanguageOutput:
    assert _build is not None
    language = _current_language(config)
    if language not in _build.outputs:
        _build.outputs[language] = LanguageOutput.create(_build.job, language)
    return _build.outputs[language]


def _render_frame(config: MkDocsConfig, depth: int) -> PageFrame:
    assert _build is not None and _build.files is not None and _build.nav is not None and _build.env is not None
    language = _current_language(config)
    prefix = _build.settings.url_prefix(language)
    stand_in = File.generated(config, f"{prefix}{slot_url(depth)}index.md", content="")
    page = Page(SLOT_TITLE, stand_in, config)
    page.content = "<!--\x3ch1-->" + SLOT_BODY
    page.meta = {"description": SLOT_DESCRIPTION, "catalogue_head": SLOT_HEAD}
    # mkdocs-static-i18n sets the language switcher's links as an attribute of config.extra for every page.
    saved_alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    _set_alternates(config, [
        {**alternate, "link": _build.settings.url_prefix(alternate["lang"]) + slot_url(depth)}
        for alternate in saved_alternates
    ])
    try:
        context = get_context(_build.nav, _build.files, config, page)
        html = _build.env.get_template("main.html").render(context)
    finally:
        _set_alternates(config, saved_alternates)
    return PageFrame(html.replace("<!--\x3ch1-->", ""), depth)


def _set_alternates(config: MkDocsConfig, alternates: list[dict[str, Any]]) -> None:
    config.extra["alternate"] = alternates
    config.extra.alternate = alternates


@event_priority(0)
def on_post_build(config: MkDocsConfig) -> None:
    """Runs in each language's build before mkdocs-static-i18n starts the next language (its priority is -100)."""
    if _build is None:
        return
    output = _language_output(config)
    rendering = _build.pool.rendering(output.language)
    frames = {depth: _render_frame(config, depth) for depth in sorted({page.depth for page in rendering.pages})}
    site_root = Path(config.site_dir)
    written = write_language_outputs(output, rendering, frames, site_root)
    _build.written_languages.add(output.language)
    log.info(f"{output.language}: wrote {written} catalogue files")
    if _build.written_languages == set(_build.settings.language_codes):
        _build.pool.close()
        write_site_wide_outputs(_build.publication, _build.settings, [_build.outputs[code] for code in _build.settings.language_codes], site_root, _build.job.history,
                                 _build.job.previews if _build.settings.hide_preview_languages else frozenset())
        _write_editor(_build, site_root)


def _write_editor(build: _Build, site_root: Path) -> None:
    """The web editor under /admin/, its configuration generated from the schemas of this very build."""
    settings = build.settings
    if not DECAP_SCRIPT.is_file():
        log.warning(f"The web editor (/admin/) is left out: {DECAP_SCRIPT} is missing. Run `make vendor` first.")
        return
    assert build.loaded.catalogue is not None
    labels = build.loaded.labels.get(settings.default_language, {})
    config = editor_config(settings, EditorSettings.from_settings(settings), build.loaded.catalogue.taxonomy, labels, SCHEMA_DIR)
    stylesheets = sorted(path.relative_to(site_root).as_posix() for path in (site_root / "assets" / "stylesheets").glob("main.*.min.css"))
    stylesheets.append("assets/catalogue/catalogue.css")
    for path, content in editor_files(settings, editor_config_text(config), stylesheets, build.loaded.directions, labels, DECAP_SCRIPT):
        target = site_root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
