"""Property and fuzz tests: any article text builds a graph that conforms to the shapes,
round-trips through Turtle and has whitespace-free IRIs; the readers turn any bytes
into articles or an :class:`InputError`, never anything else."""
from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graphbuild.articles import FORMATS, article_from_text, read_articles
from graphbuild.build import build_articles
from graphbuild.errors import InputError
from graphbuild.export import serialize
from graphbuild.validate import validate

# In the suite: few examples, the same ones each run. GRAPHBUILD_FUZZ_EXAMPLES=500 explores
# (new random examples each run, each test that many).
EXPLORE = int(os.environ.get("GRAPHBUILD_FUZZ_EXAMPLES", "0"))


def fuzz(examples: int) -> settings:
    return settings(max_examples=EXPLORE or examples, deadline=None, derandomize=not EXPLORE,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


FUZZ = fuzz(25)
# Characters no IRI may hold (RFC 3987 excludes them), whitespace included.
NOT_IN_IRI = re.compile(r'[\s<>"{}|\\^`\x00-\x1f\x7f]')

SENTENCES = [
    "Russian Foreign Minister Sergei Lavrov accused the United States of hypocrisy.",
    "The Russian Foreign Ministry said Moscow would cooperate with Syria.",
    "Ukraine denied the accusations and accused Russia of shelling Donetsk.",
    "Deputy Foreign Minister Gennady Gatilov said the West must cooperate with Iran.",
]
HOSTILE_BITS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&#0;", "]]>",
    '"""', "'''", "\\", "\\u0000", "@prefix x: <y> .", "<http://e.org/a b>", "_:b0", "^^xsd:int",
    "\u202eevil\u202c", "\u200f", "\u200b", "\ufeff", "\u00a0", "\u2028", "\u2029", "\r\n", "\t",
    "مرحبا بالعالم", "שלום עולם", "Москва обвинила Киев", "北京指责华盛顿", "😀👍🏽🇷🇺", "e\u0301",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\ufffd", "%00", "{{7*7}}", "${jndi:ldap://x}",
    "'; DROP TABLE articles; --", "?s ?p ?o }", "..." * 30, "!!!???", "-- -- --", "—" * 20,
    "#", "\n\n\n", "# Heading", "**bold**", "[link](http://x)", "> quote", "| a | b |",
]
PUNCTUATION = "!?.,;:-—–()[]{}\"'…«»“”‘’/\\|*&^%$#@~`"

sentences = st.sampled_from(SENTENCES)
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=300)
markup = st.lists(st.one_of(sentences, st.sampled_from(HOSTILE_BITS), unicode_text),
                  min_size=1, max_size=12).map(" ".join)
storm = st.lists(st.one_of(sentences, st.text(PUNCTUATION, min_size=1, max_size=200)),
                 min_size=1, max_size=8).map("".join)
long_sentence = st.tuples(sentences, st.integers(5, 120), st.sampled_from([", and ", " ", "; ", " - "])).map(
    lambda t: t[0].rstrip(".") + t[2] + t[2].join(
        f"it said {SENTENCES[i % len(SENTENCES)].rstrip('.').lower()}" for i in range(t[1])) + ".")
article_ids = st.one_of(st.just("fuzz-article"), st.text(min_size=1, max_size=40).filter(str.strip))
titles = st.one_of(st.none(), st.text(st.characters(exclude_categories=("Cs",)), max_size=80))


def check_graph(graph: Graph) -> None:
    conforms, report = validate(graph)
    assert conforms, report
    data = serialize(graph)
    again = Graph().parse(data=data, format="turtle")
    if not isomorphic(graph, again):
        _, only_before, only_after = graph_diff(to_isomorphic(graph), to_isomorphic(again))
        pytest.fail("Turtle round trip changed the graph:\nonly before:\n"
                    + "\n".join(sorted(map(str, only_before))[:10]) + "\nonly after:\n"
                    + "\n".join(sorted(map(str, only_after))[:10]))
    assert serialize(again) == data, "Turtle is not canonical: same graph, other bytes"
    for term in {t for triple in graph for t in triple if isinstance(t, URIRef)}:
        assert not NOT_IN_IRI.search(term), f"IRI with a character IRIs cannot hold: {term!r}"


def build_one(text: str, article_id: str = "fuzz-article", title: str | None = None) -> Graph | None:
    metadata = {"title": title} if title else {}
    try:
        article = article_from_text(text, id=article_id, **metadata)
    except InputError:
        return None  # nothing left once metadata lines are set aside: refused, not crashed
    assert len(article.text) == len(text), "normalisation must keep offsets"
    return build_articles([article])


@FUZZ
@given(text=unicode_text, article_id=article_ids, title=titles)
@example(text="\x00\x01\x02 Russia accused Ukraine.", article_id="a b\tc\nd", title="\x00")
@example(text="\u202eRussia accused Ukraine\u202c of lying.", article_id="🇷🇺/../x", title="<b>")
def test_any_unicode_builds_a_valid_graph(nlp, text, article_id, title):
    graph = build_one(text, article_id, title)
    assume(graph is not None)
    check_graph(graph)


@FUZZ
@given(text=markup)
@example(text=" ".join(SENTENCES + HOSTILE_BITS))
def test_markup_and_mixed_scripts_build_a_valid_graph(nlp, text):
    graph = build_one(text)
    assume(graph is not None)
    check_graph(graph)


@FUZZ
@given(text=st.one_of(storm, long_sentence))
@example(text=SENTENCES[0].rstrip(".") + ", and " + ", and ".join(["it said so"] * 400) + ".")
@example(text="!" * 5000)
def test_long_sentences_and_punctuation_storms(nlp, text):
    graph = build_one(text)
    assume(graph is not None)
    check_graph(graph)


@FUZZ
@given(texts=st.lists(st.one_of(sentences, markup), min_size=2, max_size=4))
def test_several_articles_resolve_into_a_valid_graph(nlp, texts):
    articles = []
    for i, text in enumerate(texts):
        try:
            articles.append(article_from_text(text, id=f"fuzz-{i}"))
        except InputError:
            pass
    assume(articles)
    check_graph(build_articles(articles))


# ------------------------------------------------------------------ readers

EXTENSIONS = sorted(FORMATS)
random_bytes = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(st.binary(max_size=40), st.sampled_from(
        [b"\n", b"{", b"}", b'"text": "', b'", ', b"\xef\xbb\xbf", b"\xff\xfe", b"<html>",
         b"<script>", b"</p>", b"&amp;", b"\x00", SENTENCES[0].encode(), b'{"text": "a"}\n',
         b'"\\ud800"', b"null", b"[]", b"1e999"])), max_size=30).map(b"".join),
)


@fuzz(50)
@given(data=random_bytes, extension=st.sampled_from(EXTENSIONS))
def test_readers_never_crash_on_random_bytes(tmp_path, data, extension):
    path = tmp_path / f"fuzz{extension}"
    path.write_bytes(data)
    try:
        articles = list(read_articles([path], max_bytes=100_000))
    except InputError as err:
        assert str(path) in str(err)
        assert "\n" not in str(err), "an error message must be one line"
        return
    for article in articles:
        assert article.text.strip()
        article.text.encode("utf-8")  # valid Unicode: no lone surrogates reach the graph
        assert article.content_hash.startswith("sha256:")
    skipped = []
    again = list(read_articles([path], skip_bad=True, on_skip=lambda *a: skipped.append(a),
                               max_bytes=100_000))
    assert again == articles


@fuzz(25)
@given(lines=st.lists(random_bytes, min_size=1, max_size=6))
def test_jsonl_skip_bad_reads_every_good_line(tmp_path, lines):
    path = tmp_path / "fuzz.jsonl"
    good = b'{"id": "good", "text": "' + SENTENCES[0].encode() + b'"}'
    body = [line.replace(b"\n", b" ") for line in lines] + [good]
    path.write_bytes(b"\n".join(body) + b"\n")
    skipped: list[tuple[str, str]] = []
    articles = list(read_articles([path], skip_bad=True, on_skip=lambda *a: skipped.append(a)))
    if b"\x00" in body[0].removeprefix(b"\xef\xbb\xbf"):
        # a NUL on the first line: taken for a binary file, reported once as a whole
        assert articles == [] and len(skipped) == 1 and "binary file" in skipped[0][1]
        return
    assert any(a.text == SENTENCES[0] for a in articles), skipped
    for where, message in skipped:
        assert where.startswith(f"{path}:") and "\n" not in message


def test_jsonl_lone_surrogate_escape_is_replaced_not_fatal(nlp, tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "x\\udc80", "title": "T\\ud800", "text": "Russia accused Ukraine \\ud800 of lying."}\n',
                    encoding="utf-8")
    [article] = read_articles([path])
    assert article.text == "Russia accused Ukraine \ufffd of lying."
    assert (article.id, article.title) == ("x\ufffd", "T\ufffd")
    check_graph(build_articles([article]))
