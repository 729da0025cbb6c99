"""READ: files, folders, Markdown, HTML and JSON Lines -> :class:`Article` records.

No NLP happens here. An article's ``text`` is the decoded source, normalised without
changing its length (see :mod:`graphbuild.reading.normalise`): curly quotes, dashes
and odd spaces become ASCII, Markdown syntax and metadata-only lines (byline, date
line, "Original url:", "Contact the author", a wire dateline up to its dash) become
spaces. So ``text[i]`` sits where character ``i`` of the decoded file sits, and an
offset found by NLP points into the file.

Formats, by extension (case-insensitive):

========================  ====================================================
``.txt``                  plain text; Markdown syntax is recognised if present
``.md``, ``.markdown``    Markdown
``.html``, ``.htm``       the article extracted by trafilatura (offline); offsets
                          are into the extracted text, not the HTML
``.jsonl``, ``.ndjson``   one JSON object a line with ``text`` or ``body``
                          (see :func:`article_from_record`)
========================  ====================================================

Decisions worth knowing:

- Folders are walked recursively in sorted order of names; hidden entries (``.git``,
  ``.DS_Store``) are passed over silently, other unsupported files are reported
  through ``on_skip``.
- Symbolic links met inside a folder are not followed unless ``follow_symlinks``: one
  pointing outside the given paths is reported through ``on_skip``, one pointing
  inside is passed over (its target is read where it lives). Links named explicitly
  are followed. Directory loops are detected either way; no file is read twice.
- ``max_bytes`` limits each text, Markdown or HTML file, and each line of a JSON Lines
  file (a corpus in one JSON Lines file may be large; one article may not).
- A JSON Lines line whose ``text``/``body`` is empty or null (Reuters-21578 has 2,535)
  is skipped and reported through ``on_skip`` even without ``skip_bad``: it is an
  article without text, not broken input. A line without either field is an error.
- ``source`` falls back to the host name of ``url`` (``themoscowtimes.com``).
- Duplicate ids: a later article with the id and text of an earlier one is skipped
  (reported through ``on_skip``); with the same id but another text it gets the
  first free suffix ``-2``, ``-3``, ... in reading order.
- Errors are raised lazily, as the iterator reaches the bad input, except that all
  given paths are checked for existence and type before the first article.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura

from graphbuild.errors import InputError
from graphbuild.reading.decoding import NotText, decode
from graphbuild.reading.metadata import (
    date_from_name,
    iso_date,
    parse_dateline,
    recover,
    year_for,
)
from graphbuild.reading.normalise import (
    blank_markdown,
    blank_spans,
    looks_like_markdown,
    normalise_characters,
)

__all__ = [
    "FORMATS",
    "Article",
    "article_from_record",
    "article_from_text",
    "read_articles",
]

#: File extensions read, and how.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_EXTENSIONS = ", ".join(FORMATS)
_METADATA = ("title", "date", "url", "source", "author", "dateline")

OnSkip = Callable[[str, str], None]


@dataclass(frozen=True)
class Article:
    """One news article, ready for NLP.

    ``text`` is normalised without changing its length: offsets into it are offsets
    into the decoded source. ``date`` is ISO ``yyyy-mm-dd``; ``source`` the publisher or
    agency; ``dateline`` the place of a wire dateline. ``content_hash`` is computed
    from ``text`` when not given.

    >>> a = Article(id="a1", text="Talks failed.", source_path="<text>")
    >>> a.content_hash
    'sha256:6a90453d...'
    """

    id: str
    text: str
    source_path: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    dateline: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
            object.__setattr__(self, "content_hash", f"sha256:{digest}")


# --------------------------------------------------------------------------- building


def article_from_text(text: str, *, id: str, source_path: str = "<text>", **metadata) -> Article:
    """An :class:`Article` from a text in memory, with metadata recovered from it.

    Keyword metadata (``title``, ``date``, ``url``, ``source``, ``author``,
    ``dateline``) wins over what is recovered from the text; a date is accepted in any
    common form and stored as ISO.

    >>> a = article_from_text("MOSCOW, January 13 (Sputnik) \u2013 Talks failed.",
    ...                       id="sputnik-2015-01-13-talks")
    >>> a.dateline, a.source, a.date
    ('Moscow', 'Sputnik', '2015-01-13')
    >>> a.text
    '                              Talks failed.'
    """
    unknown = sorted(set(metadata) - set(_METADATA))
    if unknown:
        raise TypeError(f"article_from_text() got unknown metadata {unknown}; "
                        f"known: {', '.join(_METADATA)}")
    path, line = _split_source(source_path)
    return _build(text, id=id, source_path=source_path, path=path, line=line,
                  markdown=None, metadata=metadata)


def article_from_record(record: dict, source_path: str) -> Article:
    """An :class:`Article` from one JSON Lines object (an input line or a gold article).

    The text is ``text``, else ``body``; ``id``, ``title``, ``date``, ``url``, ``source``,
    ``author`` and ``dateline`` are used where present, other fields ignored.
    Reuters-21578 records work as they are: ``newid``, a ``date`` such as
    ``"26-FEB-1987 15:01:01.79"``, a ``dateline`` such as ``"SALVADOR, Feb 26 -"``.
    Without ``id`` the id is ``{file stem}-{newid}``, else ``{file stem}-{line}``.
    ``source_path`` is ``"file.jsonl:3"``, file and line.

    >>> a = article_from_record({"newid": "1", "date": "26-FEB-1987 15:01:01.79",
    ...     "title": "BAHIA COCOA REVIEW", "dateline": "SALVADOR, Feb 26 -",
    ...     "body": "Showers continued throughout the week.\\n Reuter\\n"},
    ...     "reuters.jsonl:1")
    >>> a.id, a.date, a.dateline, a.source, a.title
    ('reuters-1', '1987-02-26', 'Salvador', 'Reuters', 'BAHIA COCOA REVIEW')
    >>> article_from_record([], "x.jsonl:2")
    Traceback (most recent call last):
    ...
    graphbuild.errors.InputError: x.jsonl line 2: expected a JSON object with a 'text' or 'body' field; got a list
    """
    path, line = _split_source(source_path)
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with a 'text' or 'body' field; "
                         f"got {_json_kind(record)}", path, line)
    key = "text" if record.get("text") is not None or "body" not in record else "body"
    if key not in record:
        fields = ", ".join(repr(k) for k in sorted(record)[:8]) or "none"
        raise InputError("expected a JSON object with a 'text' or 'body' field; "
                         f"got an object with fields {fields}", path, line)
    text = record[key]
    if text is None or (isinstance(text, str) and not text.strip()):
        raise _EmptyRecord(f"has an empty '{key}'; no article to read", path, line)
    if not isinstance(text, str):
        raise InputError(f"'{key}' must be a string; got {_json_kind(text)}", path, line)
    stem = Path(path).stem
    if record.get("id") not in (None, ""):
        article_id = str(record["id"])
    elif record.get("newid") not in (None, ""):
        article_id = f"{stem}-{record['newid']}"
    else:
        article_id = f"{stem}-{line}" if line is not None else stem
    metadata = {k: record[k] for k in _METADATA if record.get(k) not in (None, "")}
    return _build(text, id=article_id, source_path=source_path, path=path, line=line,
                  markdown=None, metadata=metadata)


class _EmptyRecord(InputError):
    """A JSON Lines record whose text is empty: skipped by the reader, not an error."""


# A lone UTF-16 surrogate: JSON allows "\ud800" escapes, UTF-8 cannot encode them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, one for one (offsets hold).

    >>> _valid_unicode("a\\ud800b") == "a\\ufffdb"
    True
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def _build(text: str, *, id: str, source_path: str, path: str, line: int | None,
           markdown: bool | None, metadata: dict) -> Article:
    text = _valid_unicode(text)
    id = _valid_unicode(id)
    explicit = {k: _string(v) for k, v in metadata.items()}
    explicit = {k: v for k, v in explicit.items() if v}
    name_date = date_from_name(Path(path).name) or date_from_name(id)
    explicit_date = iso_date(explicit.pop("date", None))

    given_dateline = explicit.pop("dateline", None)
    place = None
    if given_dateline:
        parsed = parse_dateline(given_dateline.strip() + " ")
        if parsed is None:
            place = given_dateline.strip()
        else:
            place = parsed.place
            if parsed.agency:
                explicit.setdefault("source", parsed.agency)
            if parsed.month_day and not explicit_date and name_date:
                explicit_date = year_for(parsed.month_day, name_date)

    chars = normalise_characters(text)
    if markdown is None:
        markdown = looks_like_markdown(chars)
    plain = blank_markdown(chars) if markdown else chars
    found = recover(plain, chars, date_hint=explicit_date or name_date)
    body = blank_spans(plain, found.spans)
    if not body.strip():
        raise InputError("has no article text once its metadata lines are set aside; "
                         "add the article text", path, line)
    assert len(body) == len(text), "normalisation must preserve length"
    url = explicit.get("url") or found.url
    return Article(
        id=id,
        text=body,
        source_path=source_path,
        title=explicit.get("title") or found.title,
        date=explicit_date or found.date or name_date,
        url=url,
        source=explicit.get("source") or found.source or _hostname(url),
        author=explicit.get("author") or found.author,
        dateline=place or found.dateline,
    )


def _hostname(url: str | None) -> str | None:
    """The site of a URL, as publisher of last resort.

    >>> _hostname("https://www.themoscowtimes.com/2014/10/29/x"), _hostname("#")
    ('themoscowtimes.com', None)
    """
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _string(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    text = _valid_unicode(" ".join(str(value).split()))
    return text or None


def _split_source(source_path: str) -> tuple[str, int | None]:
    path, sep, line = source_path.rpartition(":")
    if sep and line.isdigit() and path:
        return path, int(line)
    return source_path, None


def _json_kind(value: object) -> str:
    kinds = {list: "a list", dict: "an object", str: "a string", bool: "true or false",
             int: "a number", float: "a number", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _size(n: int) -> str:
    if n < 1000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1000:.1f}".rstrip("0").rstrip(".") + " kB"
    return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + " MB"


# ---------------------------------------------------------------------------- reading


def read_articles(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    skip_bad: bool = False,
    on_skip: OnSkip | None = None,
    follow_symlinks: bool = False,
    max_bytes: int = 20_000_000,
) -> Iterator[Article]:
    """Read articles from files and folders, in a deterministic order.

    Args:
        paths: files and folders (folders are walked recursively, sorted by name).
        skip_bad: report bad files and lines through ``on_skip`` and go on, instead of
            raising :class:`~graphbuild.errors.InputError`.
        on_skip: called as ``on_skip(path, message)`` for everything passed over:
            unsupported files in folders, symbolic links not followed, JSON Lines
            records without text, repeated articles and, with ``skip_bad``, bad input.
            ``path`` ends in ``:line`` for a JSON Lines line.
        follow_symlinks: follow symbolic links met inside folders.
        max_bytes: the largest file (JSON Lines: line) read.

    Raises:
        InputError: naming the file (and line) and the fix, unless ``skip_bad``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    reader = _Reader(skip_bad=skip_bad, on_skip=on_skip, follow_symlinks=follow_symlinks,
                     max_bytes=max_bytes)
    return reader.run([os.fspath(p) for p in paths])


class _Reader:
    def __init__(self, *, skip_bad: bool, on_skip: OnSkip | None, follow_symlinks: bool,
                 max_bytes: int):
        if max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive; got {max_bytes}")
        self.skip_bad = skip_bad
        self.on_skip = on_skip
        self.follow_symlinks = follow_symlinks
        self.max_bytes = max_bytes
        self.roots: list[str] = []
        self.seen_files: set[str] = set()
        self.seen_dirs: set[str] = set()
        self.hashes: dict[str, str] = {}  # article id -> content hash

    # Reporting -------------------------------------------------------------------

    def skip(self, where: str, message: str) -> None:
        if self.on_skip is not None:
            self.on_skip(where, message)

    def problem(self, path: str, message: str, line: int | None = None) -> None:
        """Raise, or with skip_bad report and return."""
        if not self.skip_bad:
            raise InputError(message, path, line)
        self.skip(path if line is None else f"{path}:{line}", message)

    # Walking ---------------------------------------------------------------------

    def run(self, paths: list[str]) -> Iterator[Article]:
        checked = []
        for path in paths:
            kind = self.check_given(path)
            if kind is not None:
                checked.append((path, kind))
                self.roots.append(os.path.realpath(path))
        for path, kind in checked:
            if kind == "folder":
                yield from self.walk(path)
            else:
                yield from self.read_file(path, kind)

    def check_given(self, path: str) -> str | None:
        if not os.path.lexists(path):
            self.problem(path, "no such file or folder; check the path")
            return None
        if not os.path.exists(path):
            self.problem(path, f"is a broken symbolic link (to {os.readlink(path)}); "
                               "fix or remove the link")
            return None
        if os.path.isdir(path):
            return "folder"
        kind = FORMATS.get(Path(path).suffix.lower())
        if kind is None:
            self.problem(path, f"unsupported file type '{Path(path).suffix or '(none)'}'; "
                               f"graphbuild reads {_EXTENSIONS} (rename the file if it "
                               "is one of these)")
            return None
        return kind

    def inside_roots(self, target: str) -> bool:
        return any(os.path.commonpath([target, root]) == root for root in self.roots)

    def walk(self, folder: str) -> Iterator[Article]:
        real = os.path.realpath(folder)
        if real in self.seen_dirs:
            return
        self.seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except PermissionError:
            self.problem(folder, "folder cannot be listed (permission denied); "
                                 "check its permissions")
            return
        except OSError as err:
            self.problem(folder, f"folder cannot be listed ({err.strerror})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(folder, entry.name)
            if entry.is_symlink():
                yield from self.symlink(path)
            elif entry.is_dir(follow_symlinks=False):
                yield from self.walk(path)
            elif entry.is_file(follow_symlinks=False):
                yield from self.file_in_folder(path)
            else:
                self.skip(path, "not a regular file (a device, socket or pipe); skipped")

    def symlink(self, path: str) -> Iterator[Article]:
        target = os.path.realpath(path)
        if not os.path.exists(path):
            self.skip(path, f"broken symbolic link (to {os.readlink(path)}); skipped")
            return
        if os.path.isdir(path) and target in self.seen_dirs:
            self.skip(path, f"symbolic link back to a folder already read ({target}); "
                            "skipped, so the walk cannot loop")
            return
        if not self.follow_symlinks:
            if not self.inside_roots(target):
                self.skip(path, f"symbolic link to {target}, outside the given paths; "
                                "not followed (use --follow-symlinks to read it)")
            return
        if os.path.isdir(path):
            yield from self.walk(path)
        else:
            yield from self.file_in_folder(path)

    def file_in_folder(self, path: str) -> Iterator[Article]:
        suffix = Path(path).suffix.lower()
        kind = FORMATS.get(suffix)
        if kind is None:
            self.skip(path, f"unsupported file type '{suffix or '(none)'}'; skipped "
                            f"(graphbuild reads {_EXTENSIONS})")
            return
        yield from self.read_file(path, kind)

    # Reading ---------------------------------------------------------------------

    def read_file(self, path: str, kind: str) -> Iterator[Article]:
        real = os.path.realpath(path)
        if real in self.seen_files:
            return
        self.seen_files.add(real)
        try:
            info = os.stat(path)
        except OSError as err:
            self.problem(path, f"cannot be read ({err.strerror}); check the path and "
                               "its permissions")
            return
        if not stat.S_ISREG(info.st_mode):
            self.problem(path, "not a regular file (a device, socket or pipe); "
                               "give an article file")
            return
        if kind == "jsonl":
            articles = self.read_jsonl(path)
        else:
            articles = self.read_text_file(path, kind, info.st_size)
        for article in articles:
            article = self.unique(article)
            if article is not None:
                yield article

    def too_big(self, size: int) -> str:
        return (f"is {_size(size)}, over the {_size(self.max_bytes)} limit; raise it "
                "with --max-bytes (max_bytes= in Python)")

    def read_bytes(self, path: str, size: int) -> bytes | None:
        if size > self.max_bytes:
            self.problem(path, f"file {self.too_big(size)}")
            return None
        try:
            with open(path, "rb") as f:
                data = f.read(self.max_bytes + 1)
        except PermissionError:
            self.problem(path, "cannot be read (permission denied); check its "
                               "permissions")
            return None
        except OSError as err:
            self.problem(path, f"cannot be read ({err.strerror})")
            return None
        if len(data) > self.max_bytes:
            self.problem(path, f"file {self.too_big(len(data))}")
            return None
        if not data:
            self.problem(path, "empty file (0 bytes); add the article text or remove "
                               "the file")
            return None
        return data

    def read_text_file(self, path: str, kind: str, size: int) -> Iterator[Article]:
        data = self.read_bytes(path, size)
        if data is None:
            return
        try:
            text, _encoding = decode(data, declared=kind == "html")
        except NotText as err:
            self.problem(path, f"looks like a binary file, not text ({err.reason}); "
                               "give a text file (UTF-8 or another text encoding)")
            return
        if not text.strip():
            self.problem(path, "contains only whitespace; add the article text or "
                               "remove the file")
            return
        metadata: dict = {}
        markdown: bool | None = kind == "markdown" or None
        if kind == "html":
            extracted = _extract_html(text)
            if extracted is None:
                self.problem(path, "no article text found in this HTML page; give the "
                                   "page of one article, or its text as .txt")
                return
            text, metadata = extracted
            markdown = False
        try:
            yield _build(text, id=Path(path).stem, source_path=path, path=path, line=None,
                         markdown=markdown, metadata=metadata)
        except InputError as err:
            self.problem(path, _bare(err))

    def read_jsonl(self, path: str) -> Iterator[Article]:
        try:
            f = open(path, "rb")
        except PermissionError:
            self.problem(path, "cannot be read (permission denied); check its "
                               "permissions")
            return
        except OSError as err:
            self.problem(path, f"cannot be read ({err.strerror})")
            return
        with f:
            lineno = 0
            blank_only = True
            while True:
                raw = f.readline(self.max_bytes + 1)
                if not raw:
                    break
                lineno += 1
                if len(raw) > self.max_bytes:
                    size = len(raw)
                    while raw and not raw.endswith(b"\n"):
                        raw = f.readline(1 << 20)
                        size += len(raw)
                    self.problem(path, f"line {self.too_big(size)}", lineno)
                    continue
                if lineno == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                    if b"\x00" in raw:
                        self.problem(path, "looks like a binary file, not text (it "
                                           "contains NUL bytes); give a JSON Lines "
                                           "file in UTF-8")
                        return
                if not raw.strip():
                    continue
                blank_only = False
                article = self.jsonl_line(path, lineno, raw)
                if article is not None:
                    yield article
        if lineno == 0:
            self.problem(path, "empty file (0 bytes); add articles, one JSON object a "
                               "line, or remove the file")
        elif blank_only:
            self.problem(path, "contains only whitespace; add articles, one JSON object "
                               "a line, or remove the file")

    def jsonl_line(self, path: str, lineno: int, raw: bytes) -> Article | None:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            self.problem(path, f"is not valid UTF-8 ({err.reason} at byte {err.start}); "
                               "JSON Lines files must be UTF-8", lineno)
            return None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            self.problem(path, f"is not valid JSON ({err.msg} at column {err.colno}); "
                               "fix the line or remove it", lineno)
            return None
        try:
            return article_from_record(record, f"{path}:{lineno}")
        except _EmptyRecord as err:
            self.skip(f"{path}:{lineno}", _bare(err))
        except InputError as err:
            self.problem(path, _bare(err), lineno)
        return None

    def unique(self, article: Article) -> Article | None:
        """Apply the duplicate-id rule: same text skipped, other text suffixed."""
        previous = self.hashes.get(article.id)
        if previous is None:
            self.hashes[article.id] = article.content_hash
            return article
        if previous == article.content_hash:
            self.skip(article.source_path, f"repeats article '{article.id}' (same id, "
                                           "same text); skipped")
            return None
        n = 2
        while f"{article.id}-{n}" in self.hashes:
            n += 1
        renamed = dataclasses.replace(article, id=f"{article.id}-{n}")
        self.hashes[renamed.id] = renamed.content_hash
        return renamed


def _bare(err: InputError) -> str:
    """An InputError's message without its "path line N: " prefix."""
    message = str(err)
    where = ""
    if err.path is not None:
        where = f"{err.path}" + (f" line {err.line}" if err.line is not None else "") + ": "
    return message.removeprefix(where)


def _extract_html(html: str) -> tuple[str, dict] | None:
    """The article text of an HTML page and its metadata, by trafilatura."""
    # trafilatura drops <script> and <style> itself; <noscript> is kept as text
    # ("Please enable JavaScript") unless pruned.
    result = trafilatura.extract(html, output_format="json", with_metadata=True,
                                 include_comments=False, deduplicate=False,
                                 prune_xpath=["//noscript", "//template"])
    if not result:
        return None
    data = json.loads(result)
    text = data.get("text") or ""
    if not text.strip():
        return None
    metadata = {
        "title": data.get("title"),
        "date": data.get("date"),
        "url": data.get("source") or data.get("url"),
        "source": data.get("source-hostname") or data.get("sitename"),
        "author": data.get("author"),
    }
    return text, {k: v for k, v in metadata.items() if v}
