"""Metadata recovery from the text of an article: title, byline, date line, original
URL, contact lines, a wire dateline, a date in the file name.

:func:`recover` reads a normalised text and says what it found and which character
spans hold metadata only (to be blanked, so NLP does not read "By Jane Doe" as a
sentence). It never changes the text itself.

The shapes it knows, from real files:

- a Markdown title ``# Russia Says West Must Cooperate ...`` or a short first line
  with no closing full stop (BBC News, DWIE);
- a byline ``By Gabrielle Tetrault-Farber`` (the Markdown link already blanked);
- a date line ``October 29, 2014``, ``Wednesday, 29 Oct. 2014 12:30``, ``2014-10-29``,
  optionally labelled ``Published:``;
- ``Original url:`` with the address on the same or the next non-empty line;
- ``Contact the author at ...``;
- a wire dateline opening the body, ``MOSCOW, January 13 (Sputnik) - ``: the place,
  the day and month, the agency (AP, Reuters, Sputnik style);
- a Reuters sign-off, a last line ``Reuter``;
- a front matter block (``---`` / ``title: ...`` / ``---``) opening a Markdown file.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from dateutil import parser as date_parser

__all__ = [
    "Dateline",
    "Recovered",
    "date_from_name",
    "iso_date",
    "parse_dateline",
    "recover",
    "year_for",
]

_MONTH = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_DATE_TEXT = (rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}(?:\s+|-){_MONTH},?(?:\s+|-){_YEAR}"
              rf"|{_YEAR}-\d\d-\d\d)")
_WEEKDAY = r"(?i:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
_TIME = (r"\d{1,2}[:.]\d\d(?:[:.]\d\d(?:\.\d+)?)?\s*(?i:[ap]\.?m\.?)?"
         r"(?:\s*[A-Z]{2,5}|\s*[+-]\d\d:?\d\d|Z)?")
_DATE_LINE = re.compile(
    rf"^(?i:(?:published|posted|updated|last\s+updated|date|dated)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_WEEKDAY}\s+)?(?P<date>{_DATE_TEXT})(?:\s*(?:,|\||-|at|T)?\s*{_TIME})?\.?$"
)
# A byline: "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters".
_NAME_WORD = r"(?:[A-Z][\w.'\-]*|de|da|del|der|van|von|al|el|bin|la|le|du|dos|di)"
_NAME = rf"[A-Z][\w.'\-]*(?:\s+{_NAME_WORD}){{0,5}}"
_BYLINE = re.compile(
    rf"^(?i:by|written\s+by|author:?)\s+(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    rf"(?:\s*[,|/]\s*[^,|/]{{1,60}})?\s*$"
)
_URL = re.compile(r"^(?:https?|ftp)://\S+$")
_URL_LABEL = re.compile(
    r"^(?i:original\s+(?:url|link|article)|source\s+url|url|link|read\s+more)\s*:\s*(?P<url>\S+)?$"
)
_CONTACT = re.compile(
    r"^(?i:contact|e-?mail|write\s+to|reach)\s+the\s+(?i:author|writer|reporter|editor)s?\b"
)
_SIGN_OFF = re.compile(r"^(?:Reuter|REUTER|Reuters|REUTERS)$")
_DATELINE = re.compile(
    rf"""(?P<place>[A-Z][A-Z'.\-]*(?:\ [A-Z][A-Z'.\-]*){{0,3}})
    (?:,\ (?P<region>[A-Z][A-Za-z'.\-]*(?:\ [A-Z][A-Za-z'.\-]*){{0,2}})(?=\ ?[,(]))?
    (?:,?\ +(?P<date>{_MONTH}\ +\d{{1,2}}(?:,?\ +{_YEAR})?))?
    \ *(?:\((?P<agency>[A-Z][^()\n]{{0,40}}?)\))?
    \ *-{{1,2}}(?:\ +|$)""",
    re.X,
)
_NAME_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[-_.])(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
_HEADER_LINES = 10
_LONG_LINE_WORDS = 12


def iso_date(value: object) -> str | None:
    """An ISO ``yyyy-mm-dd`` for a date written any common way, or None when it has
    no four-digit year or does not parse.

    >>> iso_date("26-FEB-1987 15:01:01.79")
    '1987-02-26'
    >>> iso_date("Wednesday, October 29, 2014 12:30 PM")
    '2014-10-29'
    >>> iso_date("2015-01-13T09:00:00+03:00")
    '2015-01-13'
    >>> iso_date("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM")
    '1987-03-27'
    >>> iso_date("January 13") is None, iso_date("soon") is None, iso_date(None) is None
    (True, True, True)
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if not isinstance(value, str):
        return None
    return _iso_date_text(value)


_ABBREVIATED_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
#: The two forms most feeds use, read without dateutil: "2015-01-13..." and
#: Reuters' "26-FEB-1987 15:01:01.79".
_ISO_START = re.compile(r"\s*(\d{4})-(\d\d)-(\d\d)(?!\d)")
_DAY_MON_YEAR = re.compile(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})(?![\d-])")


@functools.lru_cache(maxsize=4096)
def _iso_date_text(value: str) -> str | None:
    if not re.search(rf"(?<!\d){_YEAR}(?!\d)", value):
        return None
    fast = _ISO_START.match(value) or _DAY_MON_YEAR.match(value)
    if fast is not None:
        year, month, day = ((fast[1], fast[2], fast[3]) if fast.re is _ISO_START
                            else (fast[3], _ABBREVIATED_MONTHS.get(fast[2].lower()), fast[1]))
        try:
            if month:
                return dt.date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            pass  # not a real date: let dateutil judge
    try:
        return date_parser.parse(value.strip()).date().isoformat()
    except (ValueError, OverflowError):
        pass
    # Trailing noise, as in Reuters-21578's "27-MAR-1987 00:02:59.13&#5;&#5;RM":
    # parse the date alone.
    m = re.search(_DATE_TEXT, value)
    if m is None:
        return None
    try:
        return date_parser.parse(m.group()).date().isoformat()
    except (ValueError, OverflowError):
        return None


def date_from_name(name: str) -> str | None:
    """The date in a file name such as ``sputnik-2015-01-13-rogachev.txt``.

    Year, month and day must be separated alike (``-``, ``_`` or ``.``): bare digit runs
    are too often ids.

    >>> date_from_name("sputnik-2015-01-13-rogachev.txt")
    '2015-01-13'
    >>> date_from_name("report_2014_10_29"), date_from_name("DW_20121231"), date_from_name("2014-02-30")
    ('2014-10-29', None, None)
    """
    for m in _NAME_DATE.finditer(name):
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            continue
    return None


class Dateline(NamedTuple):
    """A wire dateline: where it is filed, the month and day if given, the agency, and
    ``end``, the offset just after its dash and the spaces that follow."""

    place: str
    month_day: tuple[int, int] | None
    year: int | None
    agency: str | None
    end: int


def parse_dateline(text: str, start: int = 0) -> Dateline | None:
    """The wire dateline opening ``text`` at ``start``, if there is one.

    Needs a place in capitals and a date or an agency, then a dash.

    >>> parse_dateline("MOSCOW, January 13 (Sputnik) - The Islamic State ...")
    Dateline(place='Moscow', month_day=(1, 13), year=None, agency='Sputnik', end=31)
    >>> parse_dateline("KIEV, Ukraine (AP) - Rebels said").place
    'Kiev'
    >>> parse_dateline("SALVADOR, Feb 26 -")[:3]
    ('Salvador', (2, 26), None)
    >>> parse_dateline("NEW YORK, Jan. 5, 2015 (Reuters) -- Stocks fell").year
    2015
    >>> parse_dateline("NATO - the alliance said") is None
    True
    """
    m = _DATELINE.match(text, start)
    if m is None or not (m["date"] or m["agency"]):
        return None
    if sum(c.isalpha() for c in m["place"]) < 2 or re.fullmatch(_MONTH, m["place"]):
        return None
    month_day = year = None
    if m["date"]:
        parsed = _month_day(m["date"])
        if parsed is None:
            return None
        month_day, year = parsed
    agency = m["agency"].strip() if m["agency"] else None
    return Dateline(m["place"].title(), month_day, year, agency, m.end())


@functools.lru_cache(maxsize=4096)
def _month_day(value: str) -> tuple[tuple[int, int], int | None] | None:
    year = re.search(rf"{_YEAR}$", value.strip())
    try:
        # A leap year as default so "Feb 29" parses; the year is supplied later.
        parsed = date_parser.parse(value, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return (parsed.month, parsed.day), (int(year.group()) if year else None)


def year_for(month_day: tuple[int, int], near: str) -> str | None:
    """The date with this month and day closest to the ISO date ``near``: supplies
    the year a dateline leaves out.

    >>> year_for((1, 13), "2015-01-13"), year_for((12, 31), "2015-01-02")
    ('2015-01-13', '2014-12-31')
    >>> year_for((2, 29), "2015-03-01")
    '2016-02-29'
    """
    anchor = dt.date.fromisoformat(near)
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, *month_day))
        except ValueError:
            continue
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - anchor).days), d)).isoformat()


@dataclass
class Recovered:
    """What :func:`recover` found. ``spans`` are the metadata-only character ranges."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    dateline: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


class _Line(NamedTuple):
    start: int
    end: int
    text: str  # the line of the Markdown-blanked text, stripped
    raw: str   # the line before Markdown blanking, for headings


def _lines(plain: str, chars: str) -> list[_Line]:
    lines, start = [], 0
    for part in plain.split("\n"):
        end = start + len(part)
        lines.append(_Line(start, end, part.strip(), chars[start:end]))
        start = end + 1
    return lines


def _byline(line: str) -> str | None:
    m = _BYLINE.match(line)
    if m is None:
        return None
    # "By Jane Doe, Reuters": a one-word part is an affiliation, not a person.
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", re.sub(r"\s+", " ", m["name"]))
    names = [p.strip() for p in parts if len(p.split()) >= 2]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _is_title(line: _Line, following: list[_Line], blank_after: bool) -> bool:
    """A Markdown heading, or a short first line. Followed by a blank line (BBC News)
    it may start in lower case ("iTunes ...") or end in an ellipsis; run on into the
    text (DWIE) it must look like a headline: a capital, no closing punctuation."""
    if _HEADING.match(line.raw):
        return True
    text = line.text
    words = text.split()
    if blank_after:
        shaped = text[-1] not in ",;:" and not re.search(r"(?<!\.)\.$", text)
    else:
        shaped = not (text[0].isalpha() and text[0].islower()) and text[-1] not in ".,;:"
    return (
        bool(following)
        and shaped
        and len(words) <= 20 and len(text) <= 200
        and any(c.isalpha() for c in text)
        and _DATE_LINE.match(text) is None
        and _BYLINE.match(text) is None
        and _URL.match(text) is None
        and parse_dateline(text) is None
    )


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n){0,40}?)---[ \t]*(?:\n|\Z)")
_FRONT_KEYS = {
    "title": "title", "headline": "title",
    "date": "date", "published": "date", "datepublished": "date",
    "author": "author", "authors": "author", "byline": "author",
    "url": "url", "link": "url", "canonical": "url", "canonical_url": "url",
    "source": "source", "publisher": "source", "site": "source", "site_name": "source",
}


def _front_matter(text: str, found: Recovered) -> int:
    r"""Read a YAML-style front matter block (``---`` ... ``---``) opening a Markdown
    file: simple ``key: value`` lines only. Returns where the block ends, or 0.

    >>> found = Recovered()
    >>> _front_matter('---\ntitle: "Talks fail"\ndate: 2015-05-05\ntags: [a]\n---\nText', found)
    55
    >>> found.title, found.date
    ('Talks fail', '2015-05-05')
    """
    m = _FRONT_MATTER.match(text)
    if m is None:
        return 0
    for line in m["body"].splitlines():
        key, sep, value = line.partition(":")
        field_name = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("'\"").strip()
        if not sep or field_name is None or not value or getattr(found, field_name):
            continue
        setattr(found, field_name, iso_date(value) if field_name == "date" else value)
    return m.end()


def recover(plain: str, chars: str | None = None, *, date_hint: str | None = None) -> Recovered:
    """Find the metadata in a normalised article text.

    ``plain`` is the text with Markdown blanked, ``chars`` the same text before
    Markdown blanking (to see headings; defaults to ``plain``). ``date_hint``, an ISO
    date known from elsewhere (a file name), supplies the year of a dateline.

    >>> text = "# Talks fail\\n\\nBy Jane Doe\\n\\nMay 5, 2015\\n\\nMOSCOW (TASS) - Talks failed."
    >>> found = recover(text)
    >>> found.title, found.author, found.date, found.dateline, found.source
    ('Talks fail', 'Jane Doe', '2015-05-05', 'Moscow', 'TASS')
    >>> [text[a:b] for a, b in found.spans]
    ['By Jane Doe', 'May 5, 2015', 'MOSCOW (TASS) - ']
    """
    chars = plain if chars is None else chars
    found = Recovered()
    spans: list[tuple[int, int]] = []
    front_end = _front_matter(chars, found)
    if front_end:
        spans.append((0, front_end))
    lines = _lines(plain, chars)
    nonempty = [line for line in lines if line.text and line.start >= front_end]
    consumed: set[int] = set()  # starts of lines taken as metadata or title

    def blank(line: _Line) -> None:
        consumed.add(line.start)
        spans.append((line.start, line.end))

    # Labelled lines, anywhere: original URL, contact the author; a sign-off at the end.
    for i, line in enumerate(nonempty):
        m = _URL_LABEL.match(line.text)
        if m:
            blank(line)
            url = m["url"]
            if url is None and i + 1 < len(nonempty) and _URL.match(nonempty[i + 1].text):
                url = nonempty[i + 1].text
                blank(nonempty[i + 1])
            if url and _URL.match(url) and found.url is None:
                found.url = url
        elif _CONTACT.match(line.text):
            blank(line)
    if nonempty and _SIGN_OFF.match(nonempty[-1].text):
        blank(nonempty[-1])
        found.source = "Reuters"

    # The header: title, byline, date line, up to the first long line.
    header = nonempty[:_HEADER_LINES]
    body_candidates: list[_Line] = []
    for i, line in enumerate(header):
        if line.start in consumed:
            continue
        blank_after = line.end + 1 < len(plain) and plain[line.end + 1:].split("\n", 1)[0].strip() == ""
        if i == 0 and _is_title(line, nonempty[1:], blank_after):
            found.title = " ".join(re.sub(r"^#{1,6}\s+|\s+#+$", "", line.text).split())
            consumed.add(line.start)
            continue
        author = _byline(line.text)
        date_line = _DATE_LINE.match(line.text)
        if author and found.author is None:
            found.author = author
            blank(line)
        elif date_line and found.date is None:
            found.date = iso_date(date_line["date"])
            blank(line)
        else:
            body_candidates.append(line)
            if len(line.text.split()) >= _LONG_LINE_WORDS or len(body_candidates) >= 3:
                break

    # A wire dateline opening one of the first body lines.
    for line in body_candidates:
        offset = line.start + (len(plain[line.start:line.end]) - len(plain[line.start:line.end].lstrip()))
        dateline = parse_dateline(plain[:line.end], offset)
        if dateline is None:
            continue
        found.dateline = dateline.place
        if dateline.agency and found.source is None:
            found.source = dateline.agency
        if found.date is None and dateline.month_day:
            if dateline.year:
                found.date = iso_date(f"{dateline.year}-{dateline.month_day[0]:02d}-"
                                      f"{dateline.month_day[1]:02d}")
            elif date_hint:
                found.date = year_for(dateline.month_day, date_hint)
        spans.append((line.start, dateline.end))
        break
    found.spans = sorted(spans)
    return found
