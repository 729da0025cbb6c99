"""graphbuild.store and ``graphbuild export``: an on-disk Oxigraph store."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from graphbuild.cli import main
from graphbuild.errors import GraphFileError
from graphbuild.query import shipped_query
from graphbuild.store import Store, is_store
from graphbuild.vocab import GB, PREFIXES

FIXTURE = Path(__file__).parent / "fixtures" / "graphs" / "query-example.ttl"
SPUTNIK_HASH = "sha256:546aa170d4288f7553541165342fa66b0025d587c70ee70b1d37af318a109b89"


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE)


def article_graph(graph: rdflib.Graph, article_id: str) -> rdflib.Graph:
    """The triples one article brings: the article, its statements and their terms."""
    article = URIRef(PREFIXES["gbr"] + "article/" + article_id)
    part = rdflib.Graph()
    part += graph.triples((article, None, None))
    for statement in graph.subjects(URIRef(PREFIXES["prov"] + "wasDerivedFrom"), article):
        part += graph.triples((statement, None, None))
    return part


def test_open_creates_and_reopens(tmp_path, graph):
    location = tmp_path / "store"
    with Store.open(location) as store:
        assert store.triple_count() == 0
        assert store.add_graph(graph) == len(graph) == 284
    assert is_store(location)
    with Store.open(location, read_only=True) as store:
        assert store.triple_count() == 284


def test_adding_the_same_article_twice_adds_nothing(tmp_path, graph):
    sputnik = article_graph(graph, "sputnik-2015-01-13-rogachev")
    moscow = article_graph(graph, "moscowtimes-2014-10-29-gatilov")
    with Store.open(tmp_path / "store") as store:
        assert not store.has_article(SPUTNIK_HASH)
        added = store.add_graph(sputnik)
        assert added == len(sputnik) > 0
        assert store.has_article(SPUTNIK_HASH)
        assert store.add_graph(sputnik) == 0
        assert store.add_graph(iter(list(sputnik))) == 0   # any iterable of triples
        assert store.triple_count() == len(sputnik)
        assert store.add_graph(moscow) == len(moscow)
        assert store.triple_count() == len(sputnik) + len(moscow)
        assert not store.has_article("sha256:" + "f" * 64)


def test_has_article_binds_the_hash(tmp_path, graph):
    with Store.open(tmp_path / "store") as store:
        store.add_graph(graph)
        assert not store.has_article('x" } UNION { ?article ?p ?o } #')


def test_the_build_loop_skips_articles_it_has(tmp_path, graph):
    """What ``graphbuild build --store`` does, per article."""
    articles = ["moscowtimes-2014-10-29-gatilov", "sputnik-2015-01-13-rogachev"]
    added = []
    for _run in range(2):
        with Store.open(tmp_path / "store") as store:
            for article in articles:
                part = article_graph(graph, article)
                (content_hash,) = {str(h) for h in part.objects(None, GB.contentHash)}
                if store.has_article(content_hash):
                    continue
                added.append(store.add_graph(part))
    assert len(added) == 2  # the second run skipped both


def test_query_through_the_store(tmp_path, graph):
    with Store.open(tmp_path / "store") as store:
        store.add_graph(graph)
        result = store.query(shipped_query("articles-mentioning"), {"actor": "Syria"})
    assert [str(row[2]) for row in result.rows] == ["fixture-2015-02-01-lavrov",
                                                    "moscowtimes-2014-10-29-gatilov"]


def test_export_round_trip(tmp_path, graph):
    with Store.open(tmp_path / "store") as store:
        store.add_graph(graph)
        for name in ("graph.ttl", "graph.nt", "graph.rdf", "graph.jsonld", "graph.nq"):
            store.export(tmp_path / name)
            assert isomorphic(rdflib.Graph().parse(tmp_path / name), graph), name
    turtle = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix gb: <https://w3id.org/graphbuild/ontology#> ." in turtle
    lines = (tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["store", "graph.ttl", "graph.nt", "graph.rdf", "graph.jsonld", "graph.nq"])  # no temp files left


def test_export_is_deterministic_whatever_the_insertion_order(tmp_path, graph):
    triples = sorted(graph)
    outputs = []
    for seed in (1, 2):
        random.Random(seed).shuffle(triples)
        with Store.open(tmp_path / f"store{seed}") as store:
            for start in range(0, len(triples), 40):
                store.add_graph(triples[start:start + 40])
            outputs.append(store.export(tmp_path / f"graph{seed}.ttl").read_bytes())
    assert outputs[0] == outputs[1]


def test_export_errors_leave_no_temp_file(tmp_path, graph):
    with Store.open(tmp_path / "store") as store:
        store.add_graph(graph)
        with pytest.raises(GraphFileError, match="Cannot tell which RDF format"):
            store.export(tmp_path / "graph.txt")
        (tmp_path / "taken").mkdir()
        with pytest.raises(GraphFileError, match="Cannot write"):
            store.export(tmp_path / "taken", "turtle")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store", "taken"]


def test_not_a_store(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("text", encoding="utf-8")
    with pytest.raises(GraphFileError, match="is not a graphbuild store"):
        Store.open(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]  # nothing written
    with pytest.raises(GraphFileError, match="is a file, not a store directory"):
        Store.open(folder / "a.txt")
    with pytest.raises(GraphFileError, match="No store in"):
        Store.open(tmp_path / "missing", read_only=True)


def test_corrupt_store(tmp_path, graph):
    location = tmp_path / "store"
    with Store.open(location) as store:
        store.add_graph(graph)
    (location / "CURRENT").write_text("MANIFEST-999999\n", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"Cannot open store .* damaged or unreadable"):
        Store.open(location)


def test_a_store_open_for_writing_is_locked(tmp_path):
    with Store.open(tmp_path / "store"):
        with pytest.raises(GraphFileError, match="open for writing in another process"):
            Store.open(tmp_path / "store")


def test_read_only_store_refuses_writes(tmp_path, graph):
    with Store.open(tmp_path / "store") as store:
        store.add_graph(graph)
    with Store.open(tmp_path / "store", read_only=True) as store:
        with pytest.raises(GraphFileError, match="read-only"):
            store.add_graph(graph)


def test_bulk_load_and_remove(tmp_path, graph):
    with Store.open(tmp_path / "store") as store:
        assert store.load(FIXTURE) == 284
        russia = URIRef(PREFIXES["gbr"] + "country/russia")
        store.remove([(russia, GB.mentionCount, Literal(9))])
        assert store.triple_count() == 283
        bad = tmp_path / "bad.ttl"
        bad.write_text("<a> <b> .", encoding="utf-8")
        with pytest.raises(GraphFileError, match="Cannot parse"):
            store.load(bad)


def test_cli_export_and_query_a_store(tmp_path, graph):
    with Store.open(tmp_path / "store") as store:
        store.add_graph(graph)
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(tmp_path / "store"), "-o", str(tmp_path / "out.ttl")])
    assert result.exit_code == 0, result.output
    assert isomorphic(rdflib.Graph().parse(tmp_path / "out.ttl"), graph)
    result = runner.invoke(main, ["query", str(tmp_path / "store"), "who-accuses-whom", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 5
    result = runner.invoke(main, ["export", str(tmp_path), "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2 and "is not a graphbuild store" in result.output
