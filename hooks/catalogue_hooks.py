"""The thin adapter between mkdocs (with mkdocs-static-i18n and Material) and the catalogue core: the mkdocs plugin
`catalogue` (entry point of the installed package), listed in a town's mkdocs.yml before `i18n`.

Only this module knows mkdocs. It puts the product's theme, styles and Markdown options under the town's settings,
loads and checks the data once per build, hands each language's build the generated pages, and writes the files that
span all languages after the last language is built. Supported engines: mkdocs 1.6 and its drop-in fork ProperDocs
1.6, with Material for MkDocs 9.8 and mkdocs-static-i18n 1.3.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from catalogue.build.site_folder import SiteFolder
from catalogue.build.site_output import (
    LanguageOutput,
    OpenData,
    start_open_data,
    write_language_outputs,
    write_site_wide_outputs,
)
from catalogue.build.site_run import BUILD_DATE_VARIABLE, BuildStopped, SiteRun, start_site_run
from catalogue.build.template_cache import CompiledTemplates
from catalogue.data.package_files import THEME_DIR
from catalogue.language.markdown_text import html_to_text
from catalogue.language.reader_language import direction_of
from catalogue.office.editor_serve import EditorFiles
from catalogue.office.editor_site import write_editor
from catalogue.office.messages import TABLE as OFFICE_MESSAGES
from catalogue.site.content_fallback import content_fallback_source
from catalogue.site.content_placeholders import fill_page
from catalogue.site.frame import SLOT_BODY, SLOT_DESCRIPTION, SLOT_HEAD, SLOT_TITLE, PageFrame, slot_url
from catalogue.site.material_language import material_has_language, material_language_partial
from catalogue.site.not_found import not_found_body
from catalogue.site.search_index import ContentEntry
from catalogue.site.site_chrome import LEGAL_PAGES, SiteChrome

log = get_plugin_logger(__name__)


_EMPTY_FOLDER = mkdocs_utils.clean_directory
"""mkdocs' own emptying of the site folder, which `CataloguePlugin.on_pre_build` stands in for once per build."""

_HOME_MARKERS = {f"<!-- catalogue:{name} -->": name for name in ("search", "categories", "news")}


@dataclass
class _Build(SiteRun):
    """What one full build (all languages) shares, with the engine's own objects of the language being built."""

    files: Files | None = None
    nav: Navigation | None = None
    env: Environment | None = None
    site: SiteFolder | None = None
    """The site folder as the earlier build left it, when this build keeps it instead of letting mkdocs empty it."""
    open_data: OpenData | None = None
    """The open data, written by a worker while the languages build (catalogue.build.site_output.start_open_data)."""


def _current_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or config.theme.get("language") or "de"


def _start_build(config: MkDocsConfig) -> _Build:
    try:
        run = start_site_run(Path(config.config_file_path), os.environ.get(BUILD_DATE_VARIABLE))
    except BuildStopped as error:
        raise Abort(str(error)) from error
    for line in run.notes:
        log.info(line)
    for line in run.warnings:
        log.warning(line)
    return _Build(**{item.name: getattr(run, item.name) for item in fields(SiteRun)})


_MARKDOWN_EXTENSIONS = {"attr_list": {}, "md_in_html": {}, "toc": {"permalink": False}}
"""Markdown extensions the hand-written pages and the generated ones rely on; a town may add others."""
_THEME_FEATURES = ("navigation.footer", "content.tooltips")


def _use_product_theme(config: MkDocsConfig) -> None:
    """The product's templates under the town's own (`theme.custom_dir`, if any) and above Material's; no web fonts
    (they would load from another server); the colours come from the catalogue's stylesheets; the Markdown
    extensions the pages need; the data folder watched by `mkdocs serve`. Safe to call again for every language."""
    if config.theme.name != "material":
        raise Abort(
            f"The catalogue builds on Material for MkDocs: set theme.name to material in mkdocs.yml, not {config.theme.name!r}"
        )
    theme_dir = str(THEME_DIR)
    if theme_dir not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
    config.theme["font"] = False
    config.theme["palette"] = config.theme.get("palette") or {
        "scheme": "default",
        "primary": "custom",
        "accent": "custom",
    }
    features = list(config.theme.get("features") or [])
    config.theme["features"] = features + [feature for feature in _THEME_FEATURES if feature not in features]
    for name, options in _MARKDOWN_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
            config.mdx_configs[name] = dict(options)
    if not config.use_directory_urls:
        raise Abort(
            "The catalogue's pages live at folder addresses (offers/<id>/): set use_directory_urls: true in mkdocs.yml"
        )
    data_dir = str(
        (
            Path(config.config_file_path).parent / str((config.extra.get("catalogue") or {}).get("data_dir", "data"))
        ).resolve()
    )
    if Path(data_dir).is_dir() and data_dir not in config.watch:
        config.watch.append(data_dir)


class CataloguePlugin(BasePlugin):
    """The catalogue's part in every language's build (mkdocs-static-i18n runs one build per language)."""

    def __init__(self) -> None:
        self._build: _Build | None = None
        """What the current full build (all languages) shares; made anew when the default language starts."""
        self._templates = CompiledTemplates()
        """Material's compiled templates, kept across the per-language builds instead of compiled once for each."""
        self._editor_files = EditorFiles()
        """The editor's files of the last finished build, which `mkdocs serve` answers with while it rebuilds."""
        self._dirty = False
        """Whether mkdocs runs with --dirty: it then keeps the site folder, stale files and all."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._dirty = dirty

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.set_app(self._editor_files.serving(server.get_app(), getattr(server, "mount_path", "/")))
        return server

    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        _use_product_theme(config)
        plugin = config.plugins.get("i18n")
        if plugin is None:
            raise Abort(
                "The catalogue needs the plugin 'i18n' (mkdocs-static-i18n) after 'catalogue' in mkdocs.yml's plugins"
            )
        language = getattr(plugin, "current_language", None)
        if language is None:
            return config
        if self._build is None or language == self._build.settings.default_language:
            if self._build is not None:
                self._build.pool.close()
            self._build = _start_build(config)
            for entry in plugin.config.languages:
                entry.build = entry.locale in self._build.languages
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Keeps the site folder of the earlier build instead of letting mkdocs empty it: unchanged files are not
        written again and the stale ones are removed after the last language (catalogue.build.site_folder). Done as
        mkdocs-static-i18n keeps the folder between its languages: by standing in for mkdocs' `clean_directory`,
        once, in the default language's build."""
        build = self._build
        if build is None or self._dirty or _current_language(config) != build.settings.default_language:
            return

        def keep_folder(directory: str) -> None:
            mkdocs_utils.clean_directory = _EMPTY_FOLDER
            build.site = SiteFolder.kept(Path(directory))

        mkdocs_utils.clean_directory = keep_folder

    @event_priority(-110)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self._build is not None:
            self._build.files = files
            self._follow_fallback_chain(files, config)
        return files

    def _follow_fallback_chain(self, files: Files, config: MkDocsConfig) -> None:
        """A hand-written page the language lacks shows the first version its fallback chain has, not always the
        default language's (mkdocs-static-i18n knows only the latter)."""
        assert self._build is not None
        settings = self._build.settings
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
                setattr(file, "locale", found[1])  # noqa: B010  # mkdocs-static-i18n's attribute, not mkdocs' File's

    @event_priority(-110)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if self._build is not None:
            self._build.nav = nav
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        if self._build is None:
            return env
        language = _current_language(config)
        if not material_has_language(language):
            theme_labels = self._build.loaded.theme_labels.get(language)
            if not theme_labels:
                raise Abort(
                    f"Material for MkDocs has no interface words for '{language}'. "
                    f"Add a 'theme:' section to data/labels/{language}.yml (copy it from data/labels/ti.yml and translate it)."
                )
            env.loader = ChoiceLoader(
                [
                    DictLoader(
                        {
                            f"partials/languages/{language}.html": material_language_partial(
                                language, self._build.loaded.directions.get(language, "ltr"), theme_labels
                            )
                        }
                    ),
                    *([env.loader] if env.loader is not None else []),
                ]
            )
        self._build.env = env
        env.bytecode_cache = self._templates
        env.filters["catalogue_absolute"] = lambda link: (
            urljoin(self._build.settings.site_url, link) if self._build else link
        )
        env.filters["catalogue_direction"] = direction_of
        env.globals["catalogue"] = SiteChrome(self._build.job.reader(language), self._has_legal_pages(config, language))
        if language == self._build.settings.default_language:
            env.globals["catalogue_not_found"] = not_found_body(
                [self._build.job.reader(code) for code in self._build.settings.language_codes]
            )
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Fills the town's settings into a hand-written page: its text, title and description."""
        if self._build is None:
            return markdown
        locale = getattr(page.file, "locale", None)
        language = locale if isinstance(locale, str) else _current_language(config)
        reader = self._build.job.reader(
            language if language in self._build.settings.language_codes else _current_language(config)
        )
        filled = fill_page(markdown, page.meta, reader, source=page.file.src_uri, messages=self._build.messages)
        page.meta.update(filled.meta)
        for line in filled.warnings:
            log.warning(line)
        return filled.text

    def _has_legal_pages(self, config: MkDocsConfig, language: str) -> bool:
        """Whether every legal page has a source of its own in the language (e.g. content/impressum.ar.md)."""
        if self._build is None or language == self._build.settings.default_language:
            return True
        return all((Path(config.docs_dir) / f"{name}.{language}.md").is_file() for name in LEGAL_PAGES)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._build is None:
            return html
        output = self._language_output(config)
        prefix = self._build.settings.url_prefix(output.language)
        if page.file.dest_uri == prefix + "index.html":
            for marker, name in _HOME_MARKERS.items():
                html = html.replace(marker, output.home_fragment(name, root=""))
        url = page.url.removeprefix(prefix)
        locale = getattr(page.file, "locale", None)
        language = locale if isinstance(locale, str) else output.language
        output.add_content_page(
            ContentEntry(url=url, title=page.title or "", text=html_to_text(html), language=language)
        )
        return html

    def _language_output(self, config: MkDocsConfig) -> LanguageOutput:
        assert self._build is not None
        language = _current_language(config)
        if language not in self._build.outputs:
            self._build.outputs[language] = LanguageOutput.create(self._build.job, language)
        return self._build.outputs[language]

    def _render_frame(self, config: MkDocsConfig, depth: int) -> PageFrame:
        assert (
            self._build is not None
            and self._build.files is not None
            and self._build.nav is not None
            and self._build.env is not None
        )
        language = _current_language(config)
        prefix = self._build.settings.url_prefix(language)
        stand_in = File.generated(config, f"{prefix}{slot_url(depth)}index.md", content="")
        page = Page(SLOT_TITLE, stand_in, config)
        page.content = "<!--\x3ch1-->" + SLOT_BODY
        page.meta = {"description": SLOT_DESCRIPTION, "catalogue_head": SLOT_HEAD}
        # mkdocs-static-i18n sets the language switcher's links as an attribute of config.extra for every page.
        saved_alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
        _set_alternates(
            config,
            [
                {**alternate, "link": self._build.settings.url_prefix(alternate["lang"]) + slot_url(depth)}
                for alternate in saved_alternates
            ],
        )
        try:
            context = get_context(self._build.nav, self._build.files, config, page)
            html = self._build.env.get_template("main.html").render(context)
        finally:
            _set_alternates(config, saved_alternates)
        return PageFrame(html.replace("<!--\x3ch1-->", ""), depth)

    @event_priority(0)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Runs in each language's build before mkdocs-static-i18n starts the next language (its priority is -100)."""
        if self._build is None:
            return
        output = self._language_output(config)
        pool = self._build.pool
        if self._build.site is None:
            self._build.site = SiteFolder(Path(config.site_dir))
        site = self._build.site
        if self._build.open_data is None:
            self._build.open_data = start_open_data(self._build.job, self._build.languages, site, pool)
        rendering = pool.rendering(output.language)
        frames = {depth: self._render_frame(config, depth) for depth in sorted(rendering.depths)}
        made, written = write_language_outputs(output, rendering, frames, site, pool)
        self._build.written_languages.add(output.language)
        log.info(
            f"{output.language}: {made} catalogue files, {written} of them new or changed "
            f"({rendering.reused} parts from the build cache, {rendering.made} made anew)"
        )
        if self._build.written_languages == set(self._build.languages):
            made, written = write_site_wide_outputs(
                self._build.settings,
                [self._build.outputs[code] for code in self._build.languages],
                site,
                self._build.open_data,
                self._build.job.language_cache(self._build.settings.default_language, "sitemap"),
                self._build.job.previews if self._build.settings.hide_preview_languages else frozenset(),
            )
            pool.close()
            log.info(f"search, open data and sitemap: {made} files, {written} of them new or changed")
            loaded = self._build.loaded
            assert loaded.catalogue is not None
            editor = write_editor(
                self._build.settings,
                loaded.catalogue.taxonomy,
                loaded.labels,
                loaded.directions,
                site.root,
                self._build.messages.with_tables(OFFICE_MESSAGES),
                site.write,
            )
            if editor.warning is not None:
                log.warning(editor.warning)
            self._editor_files.keep(site.root, editor.paths)
            removed = site.remove_stale()
            if removed:
                log.info(f"removed {len(removed)} files an earlier build left in the site folder")


def _set_alternates(config: MkDocsConfig, alternates: list[dict[str, Any]]) -> None:
    config.extra["alternate"] = alternates
    setattr(config.extra, "alternate", alternates)  # noqa: B010  # Material reads it as an attribute too
