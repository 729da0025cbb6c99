"""Bad input through the CLI: one error line naming the file (and line) and the problem,
a non-zero exit, no traceback, and the previous output left byte for byte; with
``--skip-bad`` the bad items are reported and the rest is built."""
from __future__ import annotations

import os
import re
import tracemalloc
from pathlib import Path

import pytest
from rdflib import Graph

from graphbuild.articles import read_articles
from graphbuild.errors import InputError

from .conftest import ACCUSATION, EXAMPLES, GRAPHS, Guarded, cli, cli_process, error_line

GOOD_TEXT = f"Talks in Geneva\n\n{ACCUSATION}\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


BAD_FILES = [
    pytest.param("empty.txt", b"", r"empty file \(0 bytes\)", id="empty"),
    pytest.param("only-space.md", b"  \n\t\n", "contains only whitespace", id="whitespace"),
    pytest.param("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00" * 50,
                 r"looks like a binary file, not text \(it contains NUL bytes\)", id="binary"),
    pytest.param("report.txt", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8,
                 "looks like a binary file", id="zip-saved-as-txt"),
    # Mostly UTF-8, then a stray byte: no single encoding reads it.
    pytest.param("mixed.txt", "Zürich – Moscow said café. ".encode() * 3 + b"\xff and more",
                 r"is not valid UTF-8 \(invalid start byte at byte 93\)", id="invalid-utf8"),
    pytest.param("utf8-bom.txt", b"\xef\xbb\xbfMoscow said \xc3\x28 nothing",
                 "byte order mark but is not valid utf-8", id="invalid-utf8-after-bom"),
    pytest.param("notes.docx", b"PK\x03\x04", r"unsupported file type '\.docx'", id="unknown-extension"),
    pytest.param("README", b"Moscow said nothing.", r"unsupported file type '\(none\)'", id="no-extension"),
    pytest.param("meta.txt", "By Jane Doe\n\nOctober 29, 2014\n",
                 "has no article text once its metadata lines are set aside", id="metadata-only"),
]


@pytest.mark.parametrize(("name", "data", "problem"), BAD_FILES)
def test_bad_file_is_one_line_naming_file_and_problem(tmp_path, previous, name, data, problem):
    path = write(tmp_path, name, data)
    message = error_line(cli("build", path, "-o", previous.path))
    assert message.startswith(f"{path}: "), message
    assert re.search(problem, message), message
    previous.assert_untouched()


@pytest.mark.parametrize(("name", "data", "problem"), BAD_FILES)
def test_skip_bad_builds_the_rest_and_reports(tmp_path, article_dir, name, data, problem):
    bad = write(article_dir, name, data)
    write(article_dir, "good.txt", GOOD_TEXT)
    out = tmp_path / "graph.ttl"
    run = cli("build", article_dir, "-o", out, "--skip-bad")
    assert run.code == 0, run.stderr
    assert "Traceback" not in run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("graphbuild: skipped ")]
    assert len(skipped) == 1 and str(bad) in skipped[0], run.stderr
    assert re.search(problem, skipped[0]), skipped[0]
    assert "1 articles" in run.stderr and "(1 skipped)" in run.stderr, run.stderr
    graph = Graph().parse(out)
    assert "hypocrisy" in out.read_text(encoding="utf-8")
    assert len(graph) > 10


def test_bad_file_in_folder_fails_without_skip_bad(article_dir, previous):
    write(article_dir, "a-good.txt", GOOD_TEXT)
    bad = write(article_dir, "b-empty.txt", b"")
    message = error_line(cli("build", article_dir, "-o", previous.path))
    assert message.startswith(f"{bad}: empty file"), message
    previous.assert_untouched()


def test_all_bad_with_skip_bad_writes_nothing(article_dir, previous):
    write(article_dir, "a.txt", b"")
    write(article_dir, "b.txt", b"\x00\x01\x02")
    run = cli("build", article_dir, "-o", previous.path, "--skip-bad")
    message = error_line(run)
    assert "no article could be read; nothing was written" in message
    assert run.stderr.count("graphbuild: skipped ") == 2
    previous.assert_untouched()


def test_latin1_text_builds_with_its_accents(tmp_path):
    path = write(tmp_path, "zurich.txt",
                 "Talks in Zürich\n\nRussian Foreign Minister Sergei Lavrov accused the United "
                 "States of hypocrisy at the café summit in Zürich on Tuesday.\n".encode("latin-1"))
    out = tmp_path / "graph.ttl"
    run = cli("build", path, "-o", out)
    assert run.code == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert '"Talks in Zürich"' in text
    assert "at the café summit in Zürich" in text


def test_windows_1252_quotes_and_dashes_build(tmp_path):
    path = write(tmp_path, "quotes.txt", b"Talks\n\n\x93Russia accused the United States of "
                                         b"lying,\x94 Lavrov said \x96 again.\n")
    out = tmp_path / "graph.ttl"
    assert cli("build", path, "-o", out).code == 0
    assert "\ufffd" not in out.read_text(encoding="utf-8")


# ------------------------------------------------------------------------- size


@pytest.fixture(scope="module")
def huge_article(tmp_path_factory) -> Path:
    """A 50 MB article (one sentence repeated)."""
    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    sentence = b"Russia accused Ukraine of shelling Donetsk on Tuesday. "
    with open(path, "wb") as f:
        f.write(sentence * (50_000_000 // len(sentence) + 1))
    return path


def test_50_mb_article_refused_with_the_limit_and_the_flag(huge_article, previous):
    message = error_line(cli("build", huge_article, "-o", previous.path))
    assert message == (f"{huge_article}: file is 50 MB, over the 20 MB limit; raise it with "
                       "--max-bytes (max_bytes= in Python)")
    previous.assert_untouched()


def test_50_mb_article_refused_in_bounded_memory(huge_article):
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="over the 20 MB limit"):
            list(read_articles([huge_article]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, f"refusing a 50 MB file took {peak} bytes"


def test_50_mb_jsonl_line_refused_and_the_rest_read(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as f:
        f.write(b'{"id": "a", "text": "' + b"Moscow said nothing. " * 2_500_000 + b'"}\n')
        f.write(b'{"id": "b", "text": "' + ACCUSATION.encode() + b'"}\n')
    skipped = []
    tracemalloc.start()
    try:
        articles = list(read_articles([path], skip_bad=True, on_skip=lambda *a: skipped.append(a)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.id for a in articles] == ["b"]
    assert skipped == [(f"{path}:1", "line is 52.5 MB, over the 20 MB limit; raise it with "
                                     "--max-bytes (max_bytes= in Python)")]
    assert peak < 45_000_000, f"reading took {peak} bytes"  # one line up to the limit, not the file


def test_max_bytes_flag_raises_the_limit(tmp_path, previous):
    path = write(tmp_path, "long.txt", "Talks\n\n" + (ACCUSATION + " ") * 40)
    size = path.stat().st_size
    message = error_line(cli("build", path, "-o", previous.path, "--max-bytes", "1000"))
    assert message == (f"{path}: file is {size / 1000:.1f} kB, over the 1 kB limit; raise it "
                       "with --max-bytes (max_bytes= in Python)")
    previous.assert_untouched()
    run = cli("build", path, "-o", previous.path, "--max-bytes", str(size))
    assert run.code == 0, run.stderr
    assert "hypocrisy" in previous.path.read_text(encoding="utf-8")


# ------------------------------------------------------------------------- HTML


HOSTILE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Russia accuses Ukraine</title>
<style>body { color: red } .stylesecret::after { content: "Germany accused Poland" }</style>
<script>var scriptsecret = "France accused Spain of lying"; document.write("<p>Italy accused Greece</p>");</script>
</head><body>
<nav><a href="/">Home</a> <script src="https://tracker.example/t.js"></script></nav>
<article><h1>Russia accuses Ukraine</h1>
<p>MOSCOW &mdash; Russia&#39;s Foreign Ministry accused Ukraine of shelling Donetsk &amp; Luhansk
on Tuesday, according to &lt;officials&gt; &#x2014; &quot;a provocation&quot;.</p>
<script>alert("Norway accused Sweden")</script>
<noscript>Enable JavaScript scriptsecret</noscript>
<p>Russian Foreign Minister Sergei Lavrov said the West must cooperate with Syria&nbsp;now.</p>
<iframe src="javascript:alert(1)"></iframe>
</article></body></html>
"""


def test_html_scripts_and_styles_stay_out_of_the_graph(tmp_path):
    path = write(tmp_path, "page.html", HOSTILE_HTML)
    out = tmp_path / "graph.ttl"
    run = cli("build", path, "-o", out)
    assert run.code == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    for leaked in ("scriptsecret", "stylesecret", "document.write", "alert", "tracker.example",
                   "Poland", "Spain", "Greece", "Sweden", "javascript:", "color: red"):
        assert leaked not in text, f"{leaked!r} leaked from the page into the graph"
    # entities are decoded once, not left as markup or decoded twice
    assert "Russia's Foreign Ministry accused Ukraine of shelling Donetsk & Luhansk" in text
    assert "&amp;" not in text and "&#39;" not in text and "&mdash;" not in text
    assert '"Russia accuses Ukraine"' in text  # the headline
    graph = Graph().parse(out)
    assert len(graph) > 10


def test_html_without_an_article_is_a_clear_error(tmp_path, previous):
    path = write(tmp_path, "empty.html", "<html><head><script>alert(1)</script></head><body></body></html>")
    message = error_line(cli("build", path, "-o", previous.path))
    assert message.startswith(f"{path}: no article text found in this HTML page")
    previous.assert_untouched()


# ------------------------------------------------------------------- JSON Lines


def test_jsonl_broken_line_names_file_and_line(tmp_path, previous):
    path = write(tmp_path, "feed.jsonl",
                 f'{{"id": "a", "text": "{ACCUSATION}"}}\n'
                 '{"id": "b", "text": "Russia accused\n'
                 '{"id": "c", "text": "Moscow said nothing."}\n')
    message = error_line(cli("build", path, "-o", previous.path))
    assert message.startswith(f"{path} line 2: is not valid JSON (")
    assert message.endswith("); fix the line or remove it")
    previous.assert_untouched()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (b"[1, 2]", "expected a JSON object with a 'text' or 'body' field; got a list"),
        (b'{"title": "x"}', "expected a JSON object with a 'text' or 'body' field; got an object "
                            "with fields 'title'"),
        (b'{"text": 42}', "'text' must be a string; got a number"),
        (b'{"text": "caf\xe9"}', r"is not valid UTF-8 \(invalid continuation byte at byte 13\)"),
    ],
    ids=["list", "no-text", "number", "latin1-line"],
)
def test_jsonl_bad_line_kinds(tmp_path, previous, line, problem):
    path = write(tmp_path, "feed.jsonl", f'{{"id": "a", "text": "{ACCUSATION}"}}\n'.encode() + line + b"\n")
    message = error_line(cli("build", path, "-o", previous.path))
    assert re.match(re.escape(f"{path} line 2: ") + problem, message), message
    previous.assert_untouched()


def test_jsonl_skip_bad_reports_the_line_and_builds_the_rest(tmp_path):
    path = write(tmp_path, "feed.jsonl",
                 '{"id": "b", "text": "broken\n'
                 f'{{"id": "a", "text": "{ACCUSATION}"}}\n'
                 '{"id": "e", "text": ""}\n')
    out = tmp_path / "graph.ttl"
    run = cli("build", path, "-o", out, "--skip-bad")
    assert run.code == 0, run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("graphbuild: skipped ")]
    assert len(skipped) == 2, run.stderr
    assert f"{path}:1" in run.stderr or "line 1" in skipped[0]
    assert "1 articles" in run.stderr and "(2 skipped)" in run.stderr
    assert "hypocrisy" in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- folders, links


def test_symlink_loops_are_walked_once(tmp_path, article_dir):
    write(article_dir, "a/one.txt", GOOD_TEXT)
    write(article_dir, "b/two.txt", GOOD_TEXT.replace("Tuesday", "Wednesday"))
    os.symlink("..", article_dir / "a" / "up")             # a/up -> articles
    os.symlink(article_dir / "b", article_dir / "a" / "b-link")
    os.symlink(article_dir / "a", article_dir / "b" / "a-link")  # a <-> b
    os.symlink("self", article_dir / "self")                   # a link to itself
    out = tmp_path / "graph.ttl"
    for follow in ([], ["--follow-symlinks"]):
        run = cli("build", article_dir, "-o", out, *follow)
        assert run.code == 0, run.stderr
        assert "2 articles" in run.stderr, run.stderr
        graph = Graph().parse(out)
        assert len(set(graph.objects(None, None))) > 10
    assert "broken symbolic link" in run.stderr  # self -> self cannot resolve


def test_unreadable_file(tmp_path, article_dir, previous):
    bad = write(article_dir, "secret.txt", GOOD_TEXT)
    write(article_dir, "good.txt", GOOD_TEXT.replace("Tuesday", "Friday"))
    bad.chmod(0)
    try:
        if os.access(bad, os.R_OK):
            pytest.skip("running with privileges that read any file (root): cannot make one unreadable")
        message = error_line(cli("build", article_dir, "-o", previous.path))
        assert message == f"{bad}: cannot be read (permission denied); check its permissions"
        previous.assert_untouched()
        run = cli("build", article_dir, "-o", tmp_path / "g.ttl", "--skip-bad")
        assert run.code == 0 and "(1 skipped)" in run.stderr
    finally:
        bad.chmod(0o644)


def test_unlistable_folder(tmp_path, article_dir):
    write(article_dir, "good.txt", GOOD_TEXT)
    locked = article_dir / "locked"
    write(locked, "x.txt", GOOD_TEXT)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that list any folder (root): cannot lock one")
        message = error_line(cli("build", article_dir, "-o", tmp_path / "g.ttl"))
        assert message.startswith(f"{locked}: folder cannot be listed (permission denied)")
    finally:
        locked.chmod(0o755)


def test_fifo_in_folder_is_passed_over_not_waited_on(tmp_path, article_dir):
    write(article_dir, "good.txt", GOOD_TEXT)
    os.mkfifo(article_dir / "pipe.txt")
    run = cli("build", article_dir, "-o", tmp_path / "g.ttl")
    assert run.code == 0, run.stderr
    assert "pipe.txt: not a regular file" in run.stderr


def test_unknown_extensions_in_folder_are_reported_not_fatal(tmp_path, article_dir):
    write(article_dir, "good.txt", GOOD_TEXT)
    write(article_dir, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    write(article_dir, "notes.pdf", b"%PDF-1.4")
    write(article_dir, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    run = cli("build", article_dir, "-o", tmp_path / "g.ttl")
    assert run.code == 0, run.stderr
    for name in ("photo.jpg", "notes.pdf"):
        suffix = name[-4:]
        assert (f"graphbuild: skipped {article_dir / name}: unsupported file type '{suffix}' "
                "(graphbuild reads .txt") in run.stderr, run.stderr
    assert ".DS_Store" not in run.stderr


def test_missing_path(tmp_path, previous):
    message = error_line(cli("build", tmp_path / "nowhere", "-o", previous.path))
    assert message == f"{tmp_path / 'nowhere'}: no such file or folder; check the path"
    previous.assert_untouched()


# ------------------------------------------------------------ corrupt graph input


@pytest.fixture
def corrupt_ttl(tmp_path) -> Path:
    good = (GRAPHS / "news.ttl").read_text(encoding="utf-8")
    lines = good.splitlines()
    lines.insert(len(lines) // 2, '<https://x.example/a> <https://x.example/b> "unterminated .')
    path = tmp_path / "broken.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("command", "previous_name"),
    [
        (["query", "{graph}", "who-accuses-whom", "-o", "{out}"], "rows.tsv"),
        (["query", "--engine", "rdflib", "{graph}", "who-accuses-whom", "-o", "{out}"], "rows.tsv"),
        (["analyse", "{graph}", "-o", "{out}"], "report.json"),
        (["view", "{graph}", "-o", "{out}"], "graph.html"),
        (["network", "{graph}", "-o", "{out}"], "graph.gexf"),
        (["evaluate", str(Path(__file__).resolve().parents[1] / "fixtures" / "evaluate" / "tiny.jsonl"),
          "{graph}", "--json", "{out}"], "scores.json"),
        (["serve", "{graph}", "--port", "{port}"], "unused"),
    ],
    ids=["query", "query-rdflib", "analyse", "view", "network", "evaluate", "serve"],
)
def test_corrupt_turtle_input(tmp_path, corrupt_ttl, command, previous_name):
    from graphbuild.serve import free_port

    out = Guarded(tmp_path / previous_name, GRAPHS / "news.ttl")
    args = [a.format(graph=corrupt_ttl, out=out.path, port=free_port()) for a in command]
    message = error_line(cli(*args))
    assert str(corrupt_ttl) in message, message
    assert re.search(r"line \d+", message), message
    out.assert_untouched()


@pytest.fixture
def damaged_store(tmp_path) -> Path:
    from graphbuild.store import Store

    location = tmp_path / "graph.store"
    with Store.open(location) as store:
        store.load(GRAPHS / "news.ttl")
    for file in sorted(location.iterdir()):
        if file.name == "CURRENT" or file.name.startswith("MANIFEST"):
            file.write_bytes(b"\x00garbage")
    return location


@pytest.mark.parametrize(
    "command",
    [
        ["query", "{store}", "who-accuses-whom"],
        ["export", "{store}", "-o", "{out}"],
        ["serve", "{store}", "--port", "{port}"],
    ],
    ids=lambda c: c[0],
)
def test_damaged_store(tmp_path, damaged_store, command):
    from graphbuild.serve import free_port

    out = Guarded(tmp_path / "previous.ttl", GRAPHS / "news.ttl")
    args = [a.format(store=damaged_store, out=out.path, port=free_port()) for a in command]
    message = error_line(cli(*args))
    assert message.startswith(f"Cannot open store {damaged_store}: it is damaged or unreadable"), message
    out.assert_untouched()


def test_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "photos"
    write(folder, "a.jpg", b"\xff\xd8")
    message = error_line(cli("query", folder, "who-accuses-whom"))
    assert message.startswith(f"{folder} is not a graphbuild store")


# ------------------------------------------------------------- internal errors


def test_unexpected_exception_is_one_line_internal_error(monkeypatch):
    import graphbuild.cli.query as query_cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(query_cli, "run_query", broken)
    run = cli("query", GRAPHS / "news.ttl", "who-accuses-whom")
    assert run.code == 70
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        "graphbuild: internal error: ZeroDivisionError: division by zero. This is a bug in "
        "graphbuild; please report it with the command and the traceback that graphbuild "
        "--debug prints."]
    for debug in (cli("--debug", "query", GRAPHS / "news.ttl", "who-accuses-whom"),
                  cli("query", GRAPHS / "news.ttl", "who-accuses-whom", env={"GRAPHBUILD_DEBUG": "1"})):
        assert debug.code == 70
        assert "Traceback (most recent call last)" in debug.stderr
        assert "ZeroDivisionError: division by zero" in debug.stderr
        assert debug.stderr.rstrip().endswith("the traceback above.")


def test_real_process_bad_input_has_no_traceback(tmp_path, damaged_store):
    """The same through a real process: what a user sees on the terminal."""
    empty = write(tmp_path, "empty.txt", b"")
    run = cli_process("build", empty, "-o", tmp_path / "g.ttl")
    assert run.code == 2
    assert run.stderr == f"graphbuild: error: {empty}: empty file (0 bytes); add the article text or remove the file\n"
    assert not (tmp_path / "g.ttl").exists()
    run = cli_process("query", damaged_store, "entities")
    assert run.code == 2 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    run = cli_process("query", damaged_store, "entities", env={"GRAPHBUILD_DEBUG": "1"})
    assert "Traceback (most recent call last)" in run.stderr
    assert run.stderr.rstrip().splitlines()[-1].startswith("graphbuild: error: Cannot open store")


def test_examples_still_build(tmp_path):
    out = tmp_path / "graph.ttl"
    run = cli("build", EXAMPLES, "-o", out, "--skip-bad")
    assert run.code == 0 and "skipped" not in run.stderr
