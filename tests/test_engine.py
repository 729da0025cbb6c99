"""Engines: the worker pool and the Dask cluster give the graph of the plain build."""
from __future__ import annotations

import json

import pytest

from graphbuild.articles import Article, read_articles
from graphbuild.build import build_to_file, extract_articles, graph_chunks, graph_of, resolution_of
from graphbuild.compare import assert_isomorphic
from graphbuild.engine.local import LocalEngine
from graphbuild.engine.model import build_nlp, phrase_patterns
from graphbuild.export import read_graph

GENERATED = [
    "Russian Foreign Minister Sergei Lavrov accused the United States of undermining the talks.",
    "Lavrov said Moscow was ready to cooperate with Syria against the Islamic State.",
    "The Ukrainian government accused Russia of sending troops across the border.",
    "NATO Secretary General Jens Stoltenberg said the alliance would cooperate with Kiev.",
]


@pytest.fixture(scope="module")
def articles():
    examples = list(read_articles(["examples"]))
    made = [Article(id=f"generated-{n}", text=text, source_path="<generated>", date="2015-01-1" + str(n))
            for n, text in enumerate(GENERATED)]
    return examples + made


@pytest.fixture(scope="module")
def plain_graph(articles):
    return graph_of(list(extract_articles(articles, jobs=1)))


def test_two_jobs_give_the_graph_of_one(articles, plain_graph):
    with LocalEngine(jobs=2, chunk_size=2) as engine:
        extractions = list(extract_articles(articles, engine=engine))
    assert [ex.article.id for ex in extractions] == [a.id for a in articles]  # input order
    assert_isomorphic(plain_graph, graph_of(extractions))


def test_chunked_file_output_is_the_in_memory_graph(tmp_path, articles, plain_graph):
    extractions = list(extract_articles(articles))
    union = type(plain_graph)()
    for chunk in graph_chunks(extractions, resolution_of(extractions), size=1):
        union += chunk
    assert_isomorphic(plain_graph, union)
    stats = build_to_file(extractions, tmp_path / "graph.ttl")
    assert stats["articles"] == len(articles) and stats["triples"] == len(plain_graph)
    assert_isomorphic(plain_graph, read_graph(tmp_path / "graph.ttl"))


def test_phrase_ruler_finds_what_the_token_ruler_finds(articles):
    from graphbuild.nlp.pipeline import load_nlp

    texts = [a.text for a in articles] + ["The AFGHAN GOVERNMENT and the People's Republic of China met."]
    slow, fast = load_nlp(), build_nlp()
    for a, b in zip(slow.pipe(texts), fast.pipe(texts)):
        assert [(e.start, e.end, e.label_, e.ent_id_) for e in a.ents] == \
            [(e.start, e.end, e.label_, e.ent_id_) for e in b.ents]
        assert repr(a._.gb_relations) == repr(b._.gb_relations)


def test_phrase_patterns_keep_what_they_cannot_expand():
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    fuzzy = {"label": "ORG", "pattern": [{"LOWER": {"REGEX": "^acme"}}]}
    too_big = {"label": "ORG", "pattern": [{"ORTH": {"IN": [f"w{i}" for i in range(30)]}}] * 3}
    assert phrase_patterns([fuzzy, too_big], tokenizer) == [fuzzy, too_big]
    (one,) = phrase_patterns([{"label": "GPE", "pattern": [{"ORTH": "Russia"}], "id": "country:RUS"}], tokenizer)
    assert one == {"label": "GPE", "pattern": "Russia", "id": "country:RUS"}


def test_dask_local_cluster_gives_the_plain_graph(tmp_path, articles, plain_graph):
    pytest.importorskip("distributed")
    from graphbuild.engine.dask import DaskEngine, read_parts

    with DaskEngine(workers=2, parts_dir=tmp_path / "parts", partition_size=2) as engine:
        extractions = list(extract_articles(articles, engine=engine))
    assert_isomorphic(plain_graph, graph_of(extractions))
    parts = sorted((tmp_path / "parts").glob("part-*.jsonl"))
    assert len(parts) == 3
    assert sum(len(p.read_text().splitlines()) for p in parts) == len(articles)
    json.loads(parts[0].read_text().splitlines()[0])  # JSON Lines
    assert_isomorphic(plain_graph, graph_of(list(read_parts(tmp_path / "parts"))))
