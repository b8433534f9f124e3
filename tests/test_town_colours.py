"""A town brands its site by a setting, never by editing a product file: `extra.catalogue.colours` becomes
assets/catalogue/town.css over the product's styles, and a colour too light for text is refused with its contrast."""
from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.build.site_folder import SiteFolder
from catalogue.build.site_output import write_product_assets
from catalogue.data.colours import contrast_with_white
from catalogue.data.settings import SettingsError, settings_from_config
from catalogue.site.town_style import TOWN_STYLESHEET


def _settings(colours: object, root: Path):
    return settings_from_config({"site_name": "Test", "extra": {"catalogue": {"town": "Teststadt", "colours": colours}}}, root)


@pytest.mark.parametrize(("colour", "ratio"), [("#000000", 21.0), ("#ffffff", 1.0), ("#767676", 4.54)])
def test_contrast_follows_wcag(colour: str, ratio: float) -> None:
    assert contrast_with_white(colour) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize(
    ("colours", "words"),
    [({"primary": "#ffcc00"}, "1.5:1 with white"), ({"link": "blue"}, "#rrggbb"), ({"button": "#000000"}, "not a colour the catalogue sets"),
     ("#0b5563", "must map a role")],
    ids=["too-light", "a-name", "unknown-role", "not-a-map"],
)
def test_a_colour_that_cannot_work_stops_with_its_fix(tmp_path: Path, colours: object, words: str) -> None:
    with pytest.raises(SettingsError, match=words):
        _settings(colours, tmp_path)


def test_the_towns_colours_stand_over_the_products_styles(tmp_path: Path) -> None:
    settings = _settings({"primary": "#0b4f8a", "accent": "#8a3b12"}, tmp_path)
    write_product_assets(SiteFolder(tmp_path / "site"), settings)
    stylesheet = (tmp_path / "site" / TOWN_STYLESHEET).read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b4f8a;" in stylesheet and "--md-accent-fg-color: #8a3b12;" in stylesheet
    assert (tmp_path / "site/assets/catalogue/catalogue.css").is_file()


def test_without_colours_there_is_no_town_stylesheet(tmp_path: Path) -> None:
    write_product_assets(SiteFolder(tmp_path / "site"), _settings(None, tmp_path))
    assert not (tmp_path / "site" / TOWN_STYLESHEET).exists()
