"""Each language's dates, weekdays and times as its readers write them: CLDR, with the overrides of the language's
labels file (`formats:`) where readers write otherwise, in every language the sample town offers."""
from __future__ import annotations

from datetime import date

import pytest

from catalogue.build.rendering import RenderJob
from catalogue.data.package_files import DEFAULTS_DIR
from catalogue.data.strict_yaml import read_yaml_file
from catalogue.language.formatting import WEEKDAYS, FormatOverrides, LocaleFormatter, localise_digits

from tests.site.sample_data import LOADED, PUBLICATION, SETTINGS
from tests.towns import REPO, town_settings

LANGUAGES = town_settings(REPO).language_codes
DAY = date(2026, 10, 10)
"""A Saturday."""


def formatter(language: str) -> LocaleFormatter:
    document = read_yaml_file(DEFAULTS_DIR / "labels" / f"{language}.yml", f"{language}.yml").document
    assert document is not None
    return LocaleFormatter(language, FormatOverrides.from_document(document.data.get("formats")))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_weekday_month_and_hour_is_written_in_the_languages_own_way(language: str) -> None:
    words = formatter(language)
    weekdays = [words.weekday(day) for day in WEEKDAYS]
    assert len(set(weekdays)) == 7, weekdays
    year = localise_digits("2026", language) if words.overrides.digits is None else None
    for month in range(1, 13):
        day = date(2026, month, 3)
        long, full = words.long_date(day), words.full_date(day)
        assert year is None or year in long
        assert long in full and full != long, "the full date is the long one with its weekday"
        assert weekdays[day.weekday()] in full
    hours = {words.time(f"{hour:02d}:05") for hour in range(24)}
    assert len(hours) == 24, "no two hours of the day read alike"


@pytest.mark.parametrize(
    ("language", "written", "expected"),
    [
        ("ps", lambda words: words.weekday("sat"), "شنبه"),  # not اونۍ, which also means 'week'
        ("ps", lambda words: words.long_date(DAY), "۱۰ اکتوبر ۲۰۲۶"),  # takes a preposition: په ۱۰ اکتوبر ۲۰۲۶
        ("ps", lambda words: words.full_date(DAY), "شنبه، ۱۰ اکتوبر ۲۰۲۶"),
        ("so", lambda words: words.time("18:05"), "18:05"),  # not 6:05 GD
        ("ku", lambda words: words.long_date(DAY), "10.10.2026"),  # understood in every Kurdish region
        ("fa", lambda words: words.long_date(date(2026, 8, 3)), "۳ اگست ۲۰۲۶"),  # Dari, not Iran's اوت
        ("ar", lambda words: words.long_date(DAY), "10 أكتوبر 2026"),  # CLDR's, untouched
        ("de", lambda words: words.time("18:05"), "18:05"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_format_readers_asked_for(language: str, written, expected: str) -> None:
    assert written(formatter(language)) == expected


def test_the_build_hands_each_languages_formats_to_its_pages() -> None:
    """The tests' town's Persian pages write Dari months, from the product's fa labels file through the loader."""
    assert LOADED.formats["fa"]["months"][7] == "اگست"
    job = RenderJob(PUBLICATION, SETTINGS, LOADED.labels, formats=LOADED.formats)
    assert job.reader("fa").formatter.long_date(date(2026, 8, 3)) == "۳ اگست ۲۰۲۶"
    assert job.reader("de").formatter.long_date(date(2026, 8, 3)) == "3. August 2026"
