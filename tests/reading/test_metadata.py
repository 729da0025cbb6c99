"""Metadata recovery: title, byline, date line, url, contact, wire dateline."""
from __future__ import annotations

import pytest

from graphbuild.reading.metadata import (
    date_from_name,
    iso_date,
    parse_dateline,
    recover,
    year_for,
)


@pytest.mark.parametrize(
    ("line", "place", "month_day", "agency"),
    [
        ("MOSCOW, January 13 (Sputnik) - The", "Moscow", (1, 13), "Sputnik"),
        ("NEW YORK, Jan. 5 (Reuters) - Stocks", "New York", (1, 5), "Reuters"),
        ("ST. PETERSBURG, Sept. 3 - The", "St. Petersburg", (9, 3), None),
        ("KIEV, Ukraine (AP) -- Rebels", "Kiev", None, "AP"),
        ("WASHINGTON (RIA Novosti) - US", "Washington", None, "RIA Novosti"),
        ("SALVADOR, Feb 26 -", "Salvador", (2, 26), None),
    ],
)
def test_dateline(line, place, month_day, agency):
    found = parse_dateline(line)
    assert (found.place, found.month_day, found.agency) == (place, month_day, agency)
    assert line[found.end:] in ("The", "Stocks", "Rebels", "US", "")


@pytest.mark.parametrize(
    "line",
    [
        "NATO - the alliance said",            # no date, no agency
        "Moscow, January 13 (Sputnik) - x",    # place not in capitals
        "The IS militant group - which",       # prose
        "MOSCOW, January 13 (Sputnik) The",    # no dash
        "JANUARY 13 (Reuters) - x",            # a month is not a place
    ],
)
def test_not_a_dateline(line):
    assert parse_dateline(line) is None


def test_dateline_year_comes_from_the_hint_and_is_nearest():
    found = recover("MOSCOW, December 31 (TASS) - Talks.", date_hint="2015-01-01")
    assert found.date == "2014-12-31"
    assert recover("MOSCOW, December 31 (TASS) - Talks.").date is None
    assert year_for((3, 1), "2015-03-01") == "2015-03-01"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("October 29, 2014", "2014-10-29"),
        ("29 Oct 2014", "2014-10-29"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("2014-10-29T23:59:00Z", "2014-10-29"),
        ("yesterday", None),
        ("13 January", None),
        ("", None),
        (2014, None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sputnik-2015-01-13-rogachev.txt", "2015-01-13"),
        ("2014_10_29_report.md", "2014-10-29"),
        ("a.2015.12.31.txt", "2015-12-31"),
        ("DW_15433650.txt", None),
        ("x-2015-01_13", None),   # mixed separators
        ("x-2015-13-01", None),
    ],
)
def test_date_from_name(name, expected):
    assert date_from_name(name) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise.", "Labour plans maternity pay rise"),
        ("Mzoudi Verdict Postponed Amid New Testimony\nAl Qaeda is allegedly trying to ...", "Mzoudi Verdict Postponed Amid New Testimony"),
        ("# Heading title\n\nText.", "Heading title"),
        ("This is a sentence that ends with a full stop.\n\nMore text.", None),
        ("only one line", None),
        ("lower-case start runs on\ninto the text.", None),
        ("iTunes now selling Band Aid song\n\nIpod owners can now download it.", "iTunes now selling Band Aid song"),
        ("Rivals of the pounds 400 Apple...\n\nThe Mac mini is cheap.", "Rivals of the pounds 400 Apple..."),
        ("A lead sentence ends here.\n\nMore text.", None),
        ("Headline run on:\nthe text.", None),
        ("October 29, 2014\n\nText.", None),
    ],
)
def test_title(text, title):
    assert recover(text).title == title


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Gabrielle Tetrault-Farber", "Gabrielle Tetrault-Farber"),
        ("By  Jane Doe    ", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Staffan de Mistura, Reuters", "Staffan de Mistura"),
        ("by the end of the week nothing changed", None),
    ],
)
def test_byline(line, author):
    found = recover(f"Title here\n\n{line}\n\nThe body of the article follows here with enough words to count.")
    assert found.author == author
    blanked = (len("Title here\n\n"), len("Title here\n\n") + len(line))
    assert (blanked in found.spans) is (author is not None)


def test_url_and_contact_lines_anywhere():
    text = ("Body text.\n\nContact the author at  a@b.example\n\nOriginal url:\n\n"
            " https://example.org/a ")
    found = recover(text)
    assert found.url == "https://example.org/a"
    assert [text[a:b].strip() for a, b in found.spans] == [
        "Contact the author at  a@b.example", "Original url:", "https://example.org/a"]


def test_url_on_the_label_line():
    assert recover("Body.\nSource URL: https://example.org/b").url == "https://example.org/b"


def test_reuters_sign_off():
    text = "Showers continued.\n Reuter\n"
    found = recover(text)
    assert found.source == "Reuters"
    assert [text[a:b] for a, b in found.spans] == [" Reuter"]


def test_date_line_forms_in_the_header():
    for line in ("October 29, 2014", "Published: 29 October 2014", "Wednesday, Oct. 29, 2014 12:30 PM",
                 "2014-10-29", "Updated on October 29, 2014 | 09:30 GMT"):
        assert recover(f"A title\n\n{line}\n\nBody text.").date == "2014-10-29", line


def test_front_matter():
    text = ("---\ntitle: 'Talks fail in Geneva'\nauthor: Jane Doe\npublished: May 5, 2015\n"
            "url: https://example.org/a\nlayout: post\n---\n\nMOSCOW (TASS) - Talks failed.\n")
    found = recover(text)
    assert (found.title, found.author, found.date, found.url, found.source, found.dateline) == (
        "Talks fail in Geneva", "Jane Doe", "2015-05-05", "https://example.org/a", "TASS", "Moscow")
    end = text.index("---\n\n") + 4
    assert found.spans[0] == (0, end)


def test_unclosed_front_matter_is_text():
    found = recover("---\ntitle: x\n\nNo closing line here, so this is text.")
    assert found.title is None and found.spans == []
