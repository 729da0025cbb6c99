"""Reading articles: formats, metadata of real files, offsets, hostile input."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.articles import Article, article_from_record, article_from_text, read_articles
from graphbuild.errors import InputError
from graphbuild.reading.normalise import CHARACTER_MAP

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
MOSCOW_TIMES = SEEDS / "moscowtimes-2014-10-29-gatilov.txt"
SPUTNIK = SEEDS / "sputnik-2015-01-13-rogachev.txt"
REUTERS = CORPUS / "reuters" / "reuters21578_articles.jsonl"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")


def read_one(path, **kwargs) -> Article:
    articles = list(read_articles([path], **kwargs))
    assert len(articles) == 1
    return articles[0]


def collect(paths, **kwargs):
    skipped = []
    articles = list(read_articles(paths, on_skip=lambda p, m: skipped.append((p, m)), **kwargs))
    return articles, skipped


def assert_aligned(raw: str, text: str) -> None:
    """``text`` is ``raw`` normalised in place: same length, newlines and words where
    they were; every character is kept, mapped one for one, or blanked."""
    assert len(text) == len(raw)
    for i, (r, t) in enumerate(zip(raw, text)):
        if r == "\n":
            assert t == "\n", f"newline at {i} lost"
        assert t in (r, " ", CHARACTER_MAP.get(r)) or (r == "\r" and t in " \n"), (i, r, t)
    for m in re.finditer(r"\S+", text):
        source = "".join(CHARACTER_MAP.get(c, c) for c in raw[m.start():m.end()])
        assert source == m.group(), (m.start(), m.group())


# ------------------------------------------------------------------ the seed articles


@needs_seeds
def test_moscow_times_metadata():
    article = read_one(MOSCOW_TIMES)
    assert article.id == "moscowtimes-2014-10-29-gatilov"
    assert article.title == "Russia Says West Must Cooperate With Syria Over Islamic State"
    assert article.author == "Gabrielle Tetrault-Farber"
    assert article.date == "2014-10-29"
    assert article.url == ("https://www.themoscowtimes.com/2014/10/29/"
                           "russia-says-west-must-cooperate-with-syria-over-islamic-state-a40901")
    assert article.source == "themoscowtimes.com"
    assert article.dateline is None
    assert article.source_path == str(MOSCOW_TIMES)


@needs_seeds
def test_moscow_times_text_blanks_metadata_and_keeps_offsets():
    raw = MOSCOW_TIMES.read_text(encoding="utf-8")
    article = read_one(MOSCOW_TIMES)
    assert_aligned(raw, article.text)
    for gone in ("By", "Tetrault-Farber", "October 29, 2014", "Original url", "Contact the author",
                 "https://", "#", "](", "\u2014"):
        assert gone not in article.text, gone
    # the title stays, at its place, without its "#"
    title = "Russia Says West Must Cooperate With Syria Over Islamic State"
    assert article.text.index(title) == raw.index(title)
    sentence = "Gennady Gatilov accused the United States"
    assert article.text.index(sentence) == raw.index(sentence)
    # the em dash in a quotation became "-" where it was
    i = raw.index("\u2014")
    assert article.text[i - 8:i + 9] == "reasons - because"
    assert article.content_hash.startswith("sha256:") and len(article.content_hash) == 71


@needs_seeds
def test_sputnik_metadata_and_dateline():
    raw = SPUTNIK.read_text(encoding="utf-8")
    article = read_one(SPUTNIK)
    assert (article.dateline, article.source, article.date) == ("Moscow", "Sputnik", "2015-01-13")
    assert article.title is None and article.author is None
    assert_aligned(raw, article.text)
    prefix = "MOSCOW, January 13 (Sputnik) \u2013 "
    assert raw.startswith(prefix)
    assert article.text[:len(prefix)].strip() == ""
    assert article.text[len(prefix):].startswith("The Islamic State (IS) jihadist group")
    # curly quotes and apostrophes mapped in place
    i = raw.index("Ukraine\u2019s")
    assert article.text[i:i + 9] == "Ukraine's"
    assert "\u201c" not in article.text and "\u201d" not in article.text


@needs_seeds
def test_seed_folder_in_sorted_order():
    articles = list(read_articles([SEEDS]))
    assert [a.id for a in articles] == sorted(a.id for a in articles)
    assert {a.id for a in articles} >= {"moscowtimes-2014-10-29-gatilov", "sputnik-2015-01-13-rogachev"}


@pytest.mark.skipif(not (CORPUS / "bbc" / "politics").is_dir(), reason="BBC corpus not found")
def test_bbc_title_on_line_one():
    article = read_one(CORPUS / "bbc" / "politics" / "001.txt")
    assert (article.id, article.title) == ("001", "Labour plans maternity pay rise")
    assert article.text.startswith("Labour plans maternity pay rise\n\nMaternity pay")


@pytest.mark.skipif(not (CORPUS / "dwie" / "dev").is_dir(), reason="DWIE corpus not found")
def test_dwie_title_without_blank_line():
    article = read_one(CORPUS / "dwie" / "dev" / "DW_1095032.txt")
    assert article.title == "Mzoudi Verdict Postponed Amid New Testimony"


# ------------------------------------------------------------------ formats


def test_markdown_fixture():
    path = FIXTURES / "markdown-article.md"
    raw = path.read_text(encoding="utf-8")
    article = read_one(path)
    assert article.title == "Kyiv Accuses Moscow of Shelling Near Mariupol"
    assert article.author == "Jane Doe"
    assert article.date == "2015-03-04"
    assert article.url == "https://example.org/2015/03/04/kyiv-accuses-moscow"
    assert_aligned(raw, article.text)
    assert "Kyiv Accuses Moscow of   Shelling   Near Mariupol" in article.text
    assert "accused  Russia " in article.text and "wikipedia" not in article.text
    assert "The Kremlin  denied  the claim" in article.text
    assert "j.doe" not in article.text and ">" not in article.text


def test_wire_dateline_with_crlf_and_year_from_file_name():
    path = FIXTURES / "folder" / "geneva-2015-02-12-talks.txt"
    raw = path.read_bytes().decode("utf-8")
    article = read_one(path)
    assert (article.title, article.dateline, article.source, article.date) == (
        "Talks on Syria stall in Geneva", "Geneva", "Reuters", "2015-02-12")
    assert_aligned(raw, article.text)
    assert "\r" not in article.text
    assert "The envoy urged" in article.text


def test_html_extracts_the_article_without_scripts_or_styles():
    article = read_one(FIXTURES / "page.html")
    for leak in ("LEAK", "font-family", "tracking", "Home", "Copyright", "<p>", "&amp;", "&ldquo;"):
        assert leak not in article.text, leak
    assert "Gennady Gatilov accused the United States" in article.text
    assert "Islamic State & its allies" in article.text
    assert '"We are once again running up' in article.text
    assert "said - according" in article.text
    assert article.title == "Gatilov accuses US of hindering fight against Islamic State"
    assert article.author == "Jane Doe"
    assert article.date == "2014-10-29"
    assert article.url == "https://news.example.org/2014/10/29/gatilov"
    assert article.source == "Example News"


def test_html_declared_charset(tmp_path):
    body = "<p>" + "Министр иностранных дел России заявил во вторник, что переговоры продолжатся. " * 4 + "</p>"
    html = f'<html><head><meta charset="windows-1251"><title>Т</title></head><body><article>{body}</article></body></html>'
    path = tmp_path / "ru.htm"
    path.write_bytes(html.encode("cp1251"))
    assert "Министр иностранных дел России" in read_one(path).text


def test_html_without_an_article(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    with pytest.raises(InputError, match=r"empty\.html: no article text found in this HTML page"):
        list(read_articles([path]))


def test_jsonl_fixture():
    articles, skipped = collect([FIXTURES / "records.jsonl"])
    path = str(FIXTURES / "records.jsonl")
    assert [a.id for a in articles] == ["kyiv-1", "records-3", "records-17"]
    first, second, reuters = articles
    assert (first.title, first.date, first.url, first.source, first.author) == (
        "Kyiv talks", "2015-03-04", "https://example.org/kyiv-1", "Example Wire", "Jane Doe")
    assert first.source_path == f"{path}:1"
    assert second.date == "2015-03-04" and second.source_path == f"{path}:3"
    assert (reuters.date, reuters.dateline, reuters.source, reuters.title) == (
        "1987-02-26", "Salvador", "Reuters", "COCOA REVIEW")
    assert reuters.text.rstrip().endswith("cocoa zone.")
    assert skipped == [(f"{path}:5", "has an empty 'body'; no article to read")]


@pytest.mark.skipif(not REUTERS.is_file(), reason=f"Reuters corpus not found at {REUTERS}")
def test_reuters_first_lines():
    articles = []
    for article in read_articles([REUTERS]):
        articles.append(article)
        if len(articles) == 3:
            break
    first = articles[0]
    assert first.id == "reuters21578_articles-1"
    assert (first.title, first.date, first.dateline) == ("BAHIA COCOA REVIEW", "1987-02-26", "Salvador")
    assert first.text.startswith("Showers continued throughout the week in\nthe Bahia cocoa zone")
    record = json.loads(REUTERS.open(encoding="utf-8").readline())
    assert len(first.text) == len(record["body"])
    assert [a.dateline for a in articles] == ["Salvador", "Cleveland", "Houston"]


def test_article_from_record_gold_shape():
    record = {"id": "seed-1", "date": "2014-10-29", "scored": {"entities": True},
              "text": "\n\n# A Title\n\nBy [Jane Doe](#)\n\nGatilov accused the US.",
              "entities": [], "relations": []}
    article = article_from_record(record, "gold.jsonl:4")
    assert (article.id, article.title, article.author, article.date) == (
        "seed-1", "A Title", "Jane Doe", "2014-10-29")
    assert len(article.text) == len(record["text"])
    assert article.text.index("Gatilov") == record["text"].index("Gatilov")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([1, 2], "expected a JSON object with a 'text' or 'body' field; got a list"),
        ("text", "expected a JSON object with a 'text' or 'body' field; got a string"),
        ({"title": "x", "id": "a"},
         "expected a JSON object with a 'text' or 'body' field; got an object with fields 'id', 'title'"),
        ({"text": ["a"]}, "'text' must be a string; got a list"),
        ({"text": None}, "has an empty 'text'"),
    ],
)
def test_article_from_record_errors(record, message):
    with pytest.raises(InputError, match=re.escape(f"x.jsonl line 2: {message}")):
        article_from_record(record, "x.jsonl:2")


def test_article_from_text_metadata_wins_and_unknown_is_refused():
    article = article_from_text("MOSCOW, January 13 (Sputnik) - Talks.", id="t",
                                date="13 January 2016", source="RIA", title="Given")
    assert (article.date, article.source, article.title, article.dateline) == (
        "2016-01-13", "RIA", "Given", "Moscow")
    with pytest.raises(TypeError, match="unknown metadata"):
        article_from_text("x", id="t", publisher="RIA")
    with pytest.raises(InputError, match="<text>: has no article text"):
        article_from_text("By Jane Doe\n\nOctober 29, 2014\n", id="t")


def test_content_hash_is_of_the_text():
    a = article_from_text("Same text.", id="a")
    b = article_from_text("Same text.", id="b", title="Other")
    assert a.content_hash == b.content_hash != article_from_text("Other text.", id="c").content_hash


# ------------------------------------------------------------------ folders


def test_folder_order_is_sorted_and_unsupported_files_are_reported():
    articles, skipped = collect([FIXTURES / "folder"])
    assert [a.id for a in articles] == ["b-second", "geneva-2015-02-12-talks", "c-third"]
    assert articles[2].source_path == os.path.join(str(FIXTURES / "folder"), "sub", "c-third.md")
    assert skipped == [(os.path.join(str(FIXTURES / "folder"), "notes.csv"),
                        "unsupported file type '.csv'; skipped (graphbuild reads .txt, .md, "
                        ".markdown, .html, .htm, .jsonl, .ndjson)")]


def test_folder_order_does_not_depend_on_creation_order(tmp_path):
    names = ["zeta.txt", "alpha.md", "mid/beta.txt", "Mid2/a.txt", "10.txt", "9.txt"]
    for name in reversed(names):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"Text of {name} here.\n")
    first = [a.source_path for a in read_articles([tmp_path])]
    assert first == [str(tmp_path / n) for n in ["10.txt", "9.txt", "Mid2/a.txt", "alpha.md",
                                                 "mid/beta.txt", "zeta.txt"]]
    assert [a.source_path for a in read_articles([tmp_path])] == first


def test_hidden_entries_are_passed_over(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden.")
    (tmp_path / "a.txt").write_text("Visible text.")
    articles, skipped = collect([tmp_path])
    assert [a.id for a in articles] == ["a"] and skipped == []


# ------------------------------------------------------------------ hostile input


def write(tmp_path, name, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file (0 bytes); add the article text or remove the file"),
        ("blank.md", b" \n\t\r\n  ", "contains only whitespace; add the article text or remove the file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
         "looks like a binary file, not text (it contains NUL bytes)"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 20 + bytes(range(1, 9)) * 40,
         "looks like a binary file, not text"),
        ("meta-only.txt", "By Jane Doe\n\nOctober 29, 2014\n",
         "has no article text once its metadata lines are set aside"),
        ("empty.jsonl", b"", "empty file (0 bytes); add articles"),
        ("blank.jsonl", b"\n\n  \n", "contains only whitespace; add articles"),
        ("binary.jsonl", b"\x00\x01\x02{", "looks like a binary file, not text (it contains NUL bytes)"),
    ],
)
def test_bad_files(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError, match=re.escape(f"{path}: {message}")) as info:
        list(read_articles([path]))
    assert info.value.path == str(path)


def test_latin1_file_decodes(tmp_path):
    text = "Le ministre a déclaré à Genève que la réunion était reportée. Señor Núñez était là."
    article = read_one(write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert article.text == text


def test_cp1252_quotes_are_decoded_and_normalised(tmp_path):
    raw = "\u201cWe are ready,\u201d Rogachev said \u2013 in Moscow\u2019s view."
    article = read_one(write(tmp_path, "ansi.txt", raw.encode("cp1252")))
    assert article.text == "\"We are ready,\" Rogachev said - in Moscow's view."


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    article = read_one(write(tmp_path, "bom.txt", b"\xef\xbb\xbfKremlin denies claim."))
    assert article.text == "Kremlin denies claim."


def test_file_over_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(52_000_000)  # sparse: no 52 MB written
    with pytest.raises(InputError, match=re.escape(
            f"{path}: file is 52 MB, over the 20 MB limit; raise it with --max-bytes")):
        list(read_articles([path]))
    small = write(tmp_path, "small.txt", "x" * 1500)
    with pytest.raises(InputError, match=re.escape("file is 1.5 kB, over the 1 kB limit")):
        list(read_articles([small], max_bytes=1000))


def test_jsonl_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path):
    path = write(tmp_path, "big.jsonl", json.dumps({"text": "y" * 3000}) + "\n"
                 + json.dumps({"text": "Short text."}) + "\n")
    with pytest.raises(InputError, match=re.escape(f"{path} line 1: line is 3 kB, over the 1 kB limit")):
        list(read_articles([path], max_bytes=1000))
    articles, skipped = collect([path], max_bytes=1000, skip_bad=True)
    assert [a.text for a in articles] == ["Short text."]
    assert skipped[0][0] == f"{path}:1"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "a", }', "is not valid JSON (Expecting property name enclosed in double quotes at column 15)"),
        ('["a list"]', "expected a JSON object with a 'text' or 'body' field; got a list"),
        ('{"title": "no text"}', "expected a JSON object with a 'text' or 'body' field; got an object with fields 'title'"),
        ('"just a string"', "expected a JSON object with a 'text' or 'body' field; got a string"),
    ],
)
def test_bad_jsonl_lines(tmp_path, line, message):
    path = write(tmp_path, "bad.jsonl", '{"id": "ok", "text": "Fine."}\n\n' + line + "\n")
    with pytest.raises(InputError, match=re.escape(f"{path} line 3: {message}")) as info:
        list(read_articles([path]))
    assert (info.value.path, info.value.line) == (str(path), 3)
    articles, skipped = collect([path], skip_bad=True)
    assert [a.id for a in articles] == ["ok"]
    assert len(skipped) == 1 and skipped[0][0] == f"{path}:3"
    assert skipped[0][1].startswith(message)


def test_jsonl_invalid_utf8(tmp_path):
    path = write(tmp_path, "latin.jsonl", '{"text": "caf\u00e9"}\n'.encode("latin-1"))
    with pytest.raises(InputError, match=r"line 1: is not valid UTF-8 .*JSON Lines files must be UTF-8"):
        list(read_articles([path]))


def test_missing_path_fails_before_anything_is_read(tmp_path):
    good = write(tmp_path, "good.txt", "Some text.")
    missing = tmp_path / "nope.txt"
    seen = []
    with pytest.raises(InputError, match=re.escape(f"{missing}: no such file or folder; check the path")):
        for article in read_articles([good, missing]):
            seen.append(article)
    assert seen == []


def test_unknown_extension_given_explicitly(tmp_path):
    path = write(tmp_path, "report.pdf", b"%PDF-1.4")
    with pytest.raises(InputError, match=re.escape(f"{path}: unsupported file type '.pdf'; graphbuild reads .txt")):
        list(read_articles([path]))


def test_skip_bad_reports_and_reads_the_rest(tmp_path):
    write(tmp_path, "a.txt", "First article.")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", b"\x00\x00binary")
    write(tmp_path, "d.txt", "Last article.")
    missing = tmp_path / "missing.md"
    articles, skipped = collect([tmp_path, missing], skip_bad=True)
    assert [a.id for a in articles] == ["a", "d"]
    assert [(Path(p).name, m.split(";")[0]) for p, m in skipped] == [
        ("missing.md", "no such file or folder"),
        ("b.txt", "empty file (0 bytes)"),
        ("c.txt", "looks like a binary file, not text (it contains NUL bytes)"),
    ]


def test_skip_bad_without_on_skip_is_quiet(tmp_path):
    write(tmp_path, "a.txt", "First article.")
    write(tmp_path, "b.txt", b"")
    assert [a.id for a in read_articles([tmp_path], skip_bad=True)] == ["a"]


def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", "Secret text.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user (root) who can read any file; permission check untestable")
        with pytest.raises(InputError, match=re.escape(f"{path}: cannot be read (permission denied)")):
            list(read_articles([path]))
        articles, skipped = collect([tmp_path], skip_bad=True)
        assert articles == [] and "permission denied" in skipped[0][1]
    finally:
        path.chmod(0o644)


def test_symlink_loop_terminates(tmp_path):
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    write(root / "a", "one.txt", "One article.")
    (root / "a" / "loop").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root / "self")  # a link to itself
    for follow in (False, True):
        articles, skipped = collect([root], follow_symlinks=follow)
        assert [a.id for a in articles] == ["one"]
    articles, skipped = collect([root], follow_symlinks=True)
    assert any("already read" in m for _, m in skipped)
    assert any("broken symbolic link" in m for _, m in skipped)


def test_symlink_outside_is_not_followed_unless_asked(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    write(outside, "far.txt", "Far away article.")
    root = tmp_path / "corpus"
    root.mkdir()
    write(root, "near.txt", "Near article.")
    (root / "link").symlink_to(outside, target_is_directory=True)
    (root / "far-file.txt").symlink_to(outside / "far.txt")
    articles, skipped = collect([root])
    assert [a.id for a in articles] == ["near"]
    assert sorted(Path(p).name for p, _ in skipped) == ["far-file.txt", "link"]
    assert all("outside the given paths; not followed (use --follow-symlinks" in m for _, m in skipped)
    articles, skipped = collect([root], follow_symlinks=True)
    assert [a.id for a in articles] == ["far-file", "near"]  # far.txt read once, via the first link
    assert skipped == []


def test_symlink_inside_is_read_once(tmp_path):
    write(tmp_path, "real.txt", "Real article.")
    (tmp_path / "zz-alias.txt").symlink_to(tmp_path / "real.txt")
    articles, skipped = collect([tmp_path])
    assert [a.id for a in articles] == ["real"] and skipped == []
    articles, _ = collect([tmp_path / "real.txt", tmp_path / "real.txt"])
    assert len(articles) == 1


def test_duplicate_ids(tmp_path):
    for folder, text in [("a", "Same text."), ("b", "Same text."), ("c", "Different text.")]:
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "001.txt", text)
    (tmp_path / "d").mkdir()
    write(tmp_path / "d", "001-2.txt", "Yet another text.")
    articles, skipped = collect([tmp_path])
    assert [(a.id, Path(a.source_path).parent.name) for a in articles] == [
        ("001", "a"), ("001-2", "c"), ("001-2-2", "d")]
    assert skipped == [(str(tmp_path / "b" / "001.txt"), "repeats article '001' (same id, same text); skipped")]


def test_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        list(read_articles([fifo]))
    articles, skipped = collect([tmp_path])
    assert articles == [] and "not a regular file" in skipped[0][1]


# ------------------------------------------------------------------ properties and gold


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("#*_[]()<>!-\n\r\u2013\u201c ")))
@settings(max_examples=200, deadline=None)
def test_any_text_keeps_its_length(raw):
    try:
        article = article_from_text(raw, id="p")
    except InputError as err:
        assert "has no article text" in str(err)
        return
    assert_aligned(raw, article.text)


GOLD_SEEDS = CORPUS.parent / "gold" / "dev-seeds.jsonl"


@pytest.mark.skipif(not (GOLD_SEEDS.is_file() and SEEDS.is_dir()), reason="gold seeds not found")
def test_gold_record_reads_like_its_file():
    """Offsets in a gold file and in an article read from disk are the same offsets."""
    gold = {a.id: a for a in read_articles([GOLD_SEEDS])}
    for article in read_articles([MOSCOW_TIMES, SPUTNIK]):
        from_gold = gold[article.id]
        assert from_gold.text == article.text
        assert (from_gold.title, from_gold.date, from_gold.author, from_gold.dateline) == (
            article.title, article.date, article.author, article.dateline)


@pytest.mark.parametrize("name", ["UPPER.TXT", "notes.Markdown", "feed.ndjson", "page.HTM"])
def test_extensions_are_case_insensitive(tmp_path, name):
    data = {"ndjson": '{"text": "Cooperation agreed on Tuesday."}\n',
            "htm": "<html><body><article><p>Cooperation agreed on Tuesday.</p></article></body></html>"}
    write(tmp_path, name, data.get(name.rsplit(".", 1)[1].lower(), "Cooperation agreed on Tuesday."))
    assert "Cooperation agreed on Tuesday." in read_one(tmp_path / name).text
