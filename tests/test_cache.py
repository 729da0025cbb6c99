"""The extraction cache: hits, misses, invalidation, damaged entries and files."""
from __future__ import annotations

import json
import sqlite3

import pytest

from graphbuild.articles import Article, read_articles
from graphbuild.build import extract_articles, graph_of
from graphbuild.cache import CACHE_FILE, ExtractionCache, pipeline_fingerprint, text_hash
from graphbuild.compare import assert_isomorphic


@pytest.fixture(scope="module")
def articles():
    return sorted(read_articles(["examples"]), key=lambda a: a.id)


@pytest.fixture(scope="module")
def plain_graph(articles):
    return graph_of(list(extract_articles(articles)))


def test_second_build_is_all_hits_and_gives_the_same_graph(tmp_path, articles, plain_graph):
    with ExtractionCache(tmp_path, fingerprint=pipeline_fingerprint()) as cache:
        first = list(extract_articles(articles, cache=cache))
        assert (cache.hits, cache.misses) == (0, len(articles))
        second = list(extract_articles(articles, cache=cache))
        assert (cache.hits, cache.misses) == (len(articles), len(articles))
    def plain(exs):  # JSON round trip: tuples come back from the cache as lists
        return json.loads(json.dumps([ex.to_dict() for ex in sorted(exs, key=lambda e: e.article.id)]))

    assert plain(second) == plain(first)
    assert_isomorphic(plain_graph, graph_of(second))


def test_added_article_is_the_only_miss(tmp_path, articles):
    extra = Article(id="extra", text="Russia accused Ukraine of shelling Donetsk.", source_path="<t>")
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        list(extract_articles(articles, cache=cache))
        cache.hits = cache.misses = 0
        list(extract_articles([*articles, extra], cache=cache))
        assert (cache.hits, cache.misses) == (len(articles), 1)


def test_hit_takes_metadata_from_the_article_not_the_cache(tmp_path, articles):
    moved = Article(id="moved", text=articles[0].text, source_path="elsewhere.txt", title="New title")
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        list(extract_articles(articles[:1], cache=cache))
        (ex,) = extract_articles([moved], cache=cache)
        assert cache.hits == 1
    assert (ex.article.id, ex.article.source_path, ex.article.title) == ("moved", "elsewhere.txt", "New title")


def test_fingerprint_follows_the_gazetteer_and_the_rule_version(tmp_path, monkeypatch):
    gazetteer = tmp_path / "mine.json"
    gazetteer.write_text('{"format": 1, "entries": [{"key": "group:acme", "type": "Group", '
                         '"name": "Acme Liberation Front"}]}')
    base = pipeline_fingerprint()
    assert pipeline_fingerprint() == base
    assert pipeline_fingerprint([str(gazetteer)]) != base
    import graphbuild.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + "-changed")
    assert pipeline_fingerprint() != base


def test_other_fingerprint_misses(tmp_path, articles):
    with ExtractionCache(tmp_path, fingerprint="old") as cache:
        list(extract_articles(articles[:1], cache=cache))
    with ExtractionCache(tmp_path, fingerprint="new") as cache:
        assert cache.get(articles[0]) is None
        assert len(cache) == 0


def test_damaged_entry_is_recomputed(tmp_path, articles, plain_graph):
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        list(extract_articles(articles, cache=cache))
    db = sqlite3.connect(tmp_path / CACHE_FILE)
    with db:
        db.execute("UPDATE extraction SET data = ? WHERE text_hash = ?", (b"not zlib", text_hash(articles[0])))
    db.close()
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        again = list(extract_articles(articles, cache=cache))
        assert (cache.hits, cache.misses, cache.corrupt) == (len(articles) - 1, 1, 1)
        assert cache.get(articles[0]) is not None  # written again
    assert_isomorphic(plain_graph, graph_of(again))


def test_cache_file_that_is_no_database_is_set_aside(tmp_path, articles):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not sqlite " * 100)
    with ExtractionCache(tmp_path, fingerprint="f") as cache:
        assert cache.get(articles[0]) is None
        cache.put(articles[0], next(extract_articles(articles[:1])))
        assert cache.get(articles[0]) is not None
    assert (tmp_path / (CACHE_FILE + ".corrupt")).is_file()


def test_old_fingerprints_are_pruned(tmp_path, articles):
    from graphbuild.cache import KEEP_FINGERPRINTS
    from graphbuild.extract import ArticleExtraction, ArticleInfo

    ex = ArticleExtraction(ArticleInfo.of(articles[0]))
    for n in range(KEEP_FINGERPRINTS + 2):
        with ExtractionCache(tmp_path, fingerprint=f"f{n}") as cache:
            cache.put(articles[0], ex)
    db = sqlite3.connect(tmp_path / CACHE_FILE)
    kept = {row[0] for row in db.execute("SELECT DISTINCT fingerprint FROM extraction")}
    db.close()
    assert len(kept) == KEEP_FINGERPRINTS and f"f{KEEP_FINGERPRINTS + 1}" in kept
