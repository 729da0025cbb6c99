"""graphbuild.query and ``graphbuild query``: shipped queries on a hand-written graph,
both engines, formats, errors, bound parameters."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from graphbuild.cli import main
from graphbuild.errors import GraphFileError, QueryError
from graphbuild.query import (
    format_result,
    list_queries,
    load_source,
    parse_params,
    resolve_actor,
    resolve_query,
    run_query,
    shipped_query,
)
from graphbuild.vocab import PREFIXES

FIXTURE = Path(__file__).parent / "fixtures" / "graphs" / "query-example.ttl"
GBR = PREFIXES["gbr"]
SHIPPED = ["articles-mentioning", "cooperation-network", "entities", "negative-statements",
           "officials", "said-about", "who-accuses-whom"]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_source(FIXTURE)


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE)


@pytest.fixture(params=["oxigraph", "rdflib"])
def source(request, store, graph):
    return store if request.param == "oxigraph" else graph


def compact(term) -> str | None:
    """gbr:/gb: IRIs as prefixed names, literals as their lexical form."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        for prefix in ("gbr", "gb", "wd"):
            if term.startswith(PREFIXES[prefix]):
                return f"{prefix}:{term[len(PREFIXES[prefix]):]}"
    return str(term)


def rows(result) -> list[tuple]:
    return [tuple(compact(t) for t in row) for row in result.rows]


# ------------------------------------------------------------------ shipped queries
def test_every_shipped_query_is_listed_with_a_header():
    queries = list_queries()
    assert [q.name for q in queries] == SHIPPED
    for query in queries:
        assert query.summary and query.description
        select = query.text.split("WHERE", 1)[0]
        for param in query.params:
            # Oxigraph binds only projected variables (SEP-0007)
            assert f"?{param.name}" in select, (query.name, param.name)


def test_parameters_are_parsed_from_the_header():
    params = {q.name: [(p.name, p.kind, p.optional) for p in q.params] for q in list_queries()}
    assert params == {
        "articles-mentioning": [("actor", "actor", False)],
        "cooperation-network": [("start", "date", True), ("end", "date", True)],
        "entities": [],
        "negative-statements": [],
        "officials": [],
        "said-about": [("speaker", "actor", False), ("target", "actor", False)],
        "who-accuses-whom": [],
    }


def test_who_accuses_whom(source):
    result = run_query(source, shipped_query("who-accuses-whom"))
    assert result.variables == ("accuser", "accuserLabel", "accused", "accusedLabel",
                                "statements", "articles", "firstDate", "lastDate")
    assert rows(result) == [
        ("gbr:official/gennady-gatilov", "Gennady Gatilov", "gbr:country/united-states", "United States",
         "2", "2", "2014-10-29", "2015-02-01"),
        ("gbr:country/united-states", "United States", "gbr:country/russia", "Russia",
         "1", "1", "2015-01-13", "2015-01-13"),
        ("gbr:official/gennady-gatilov", "Gennady Gatilov", "gbr:group/the-west", "the West",
         "1", "1", "2014-10-29", "2014-10-29"),
        ("gbr:official/sergei-lavrov", "Sergei Lavrov", "gbr:country/united-states", "United States",
         "1", "1", "2015-02-01", "2015-02-01"),
    ]
    assert result.rows[0][4] == Literal(2, datatype=XSD.integer)
    assert result.rows[0][6] == Literal("2014-10-29", datatype=XSD.date)


def test_said_about_follows_speakers_and_bodies(source):
    result = run_query(source, shipped_query("said-about"),
                       {"speaker": "Russia", "target": "Washington"})
    assert [(r[2], r[4], r[7], r[8], r[10], r[11], r[12]) for r in rows(result)] == [
        ("gbr:official/gennady-gatilov", "gb:accuses", "gb:positive", "accused", "171", "425",
         "gbr:article/moscowtimes-2014-10-29-gatilov"),
        ("gbr:official/sergei-lavrov", "gb:accuses", "gb:positive", "accused", "0", "78",
         "gbr:article/fixture-2015-02-01-lavrov"),
        ("gbr:official/gennady-gatilov", "gb:accuses", "gb:positive", "blamed", "120", "168",
         "gbr:article/fixture-2015-02-01-lavrov"),
    ]
    assert {r[0] for r in rows(result)} == {"gbr:country/russia"}
    assert rows(result)[0][9].startswith("Russian Deputy Foreign Minister Gennady Gatilov accused")


def test_said_about_includes_negative_statements(source):
    result = run_query(source, shipped_query("said-about"),
                       {"speaker": "United States", "target": "Syria"})
    assert [(r[2], r[4], r[7], r[8]) for r in rows(result)] == [
        ("gbr:country/united-states", "gb:cooperatesWith", "gb:negative", "refusing to cooperate"),
    ]


def test_evidence_offsets_point_into_the_example_articles(store):
    examples = Path(__file__).parent.parent / "examples"
    result = run_query(store, """
        SELECT ?path ?evidence ?start ?end WHERE {
          ?s gb:evidence ?evidence ; gb:startOffset ?start ; gb:endOffset ?end ;
             prov:wasDerivedFrom/gb:sourcePath ?path .
          FILTER(STRSTARTS(?path, "examples/"))
        }""")
    assert len(result.rows) == 7
    for path, evidence, start, end in result.rows:
        text = (examples / Path(str(path)).name).read_text(encoding="utf-8")
        text = text.replace("\u2019", "'")  # articles.py straightens quotes, length-preserving
        assert text[int(start):int(end)] == str(evidence)


def test_officials(source):
    result = run_query(source, shipped_query("officials"))
    assert rows(result) == [
        ("gbr:official/gennady-gatilov", "Gennady Gatilov", "Deputy Foreign Minister",
         "gbr:ministry/russia-foreign-ministry", "Russian Foreign Ministry", "gbr:country/russia", "Russia",
         "2014-10-29", "2014-10-29"),
        ("gbr:official/ilya-rogachev", "Ilya Rogachev", None,
         "gbr:ministry/russia-foreign-ministry", "Russian Foreign Ministry", "gbr:country/russia", "Russia",
         "2015-01-13", "2015-01-13"),
        ("gbr:official/sergei-lavrov", "Sergei Lavrov", "Foreign Minister",
         "gbr:ministry/russia-foreign-ministry", "Russian Foreign Ministry", "gbr:country/russia", "Russia",
         "2014-10-29", "2015-02-01"),
    ]


RUSSIA_SYRIA = ("gbr:country/russia", "Russia", "gbr:country/syria", "Syria", "2", "1", "2015-02-01", "2015-02-01")
RUSSIA_WEST = ("gbr:country/russia", "Russia", "gbr:group/the-west", "the West", "1", "1", "2015-01-13", "2015-01-13")


@pytest.mark.parametrize(("params", "expected"), [
    ({}, [RUSSIA_SYRIA + (None, None), RUSSIA_WEST + (None, None)]),
    ({"start": "2015-01-01"}, [RUSSIA_SYRIA + ("2015-01-01", None), RUSSIA_WEST + ("2015-01-01", None)]),
    ({"start": "2015-01-14"}, [RUSSIA_SYRIA + ("2015-01-14", None)]),
    ({"start": "2015-01-01", "end": "2015-01-31"}, [RUSSIA_WEST + ("2015-01-01", "2015-01-31")]),
    ({"end": "2014-12-31"}, []),
])
def test_cooperation_network_in_a_date_range(source, params, expected):
    # The negative united-states/syria statement never counts; syria->russia and
    # russia->syria make one undirected pair.
    assert rows(run_query(source, shipped_query("cooperation-network"), params)) == expected


@pytest.mark.parametrize("start", [None, "2014-10-29", "2015-01-13", "2015-01-14", "2015-02-01", "2015-02-02"])
@pytest.mark.parametrize("end", [None, "2014-10-28", "2015-01-13", "2015-02-01"])
def test_cooperation_network_engines_agree_on_every_range(store, graph, start, end):
    # The dates are bound in the top-level query, where both engines bind them alike.
    params = {k: v for k, v in (("start", start), ("end", end)) if v is not None}
    query = shipped_query("cooperation-network")
    assert run_query(store, query, params) == run_query(graph, query, params)


def _fixture_with(extra: str = "", without: tuple | None = None) -> tuple[ox.Store, rdflib.Graph]:
    graph = rdflib.Graph().parse(FIXTURE)
    if extra:
        graph.parse(data=f"@prefix gb: <{PREFIXES['gb']}> . @prefix gbr: <{GBR}> . "
                         f"@prefix rdfs: <{PREFIXES['rdfs']}> . {extra}", format="turtle")
    if without is not None:
        graph.remove(without)
    from graphbuild.query import to_oxigraph

    store = ox.Store()
    store.extend(ox.Quad(*map(to_oxigraph, t)) for t in graph)
    return store, graph


def test_actor_without_a_label_keeps_its_rows():
    store, graph = _fixture_with(without=(URIRef(GBR + "group/the-west"), rdflib.RDFS.label, None))
    for source in (store, graph):
        network = rows(run_query(source, shipped_query("cooperation-network")))
        assert network == [RUSSIA_SYRIA + (None, None),
                           RUSSIA_WEST[:3] + (None,) + RUSSIA_WEST[4:] + (None, None)]
        dyads = rows(run_query(source, shipped_query("who-accuses-whom")))
        assert ("gbr:official/gennady-gatilov", "Gennady Gatilov", "gbr:group/the-west", None,
                "1", "1", "2014-10-29", "2014-10-29") in dyads


def test_officials_body_without_a_country():
    """A body that belongs to no country: one row, country empty (not every labelled node)."""
    store, graph = _fixture_with(
        f"<{GBR}official/ban-ki-moon> a gb:Official ; rdfs:label 'Ban Ki-moon' ; "
        f"gb:speaksFor <{GBR}group/united-nations> . "
        f"<{GBR}group/united-nations> a gb:Group ; rdfs:label 'United Nations' .")
    for source in (store, graph):
        found = [r for r in rows(run_query(source, shipped_query("officials")))
                 if r[0] == "gbr:official/ban-ki-moon"]
        assert found == [("gbr:official/ban-ki-moon", "Ban Ki-moon", None, "gbr:group/united-nations",
                          "United Nations", None, None, None, None)]


def test_entities(source):
    result = run_query(source, shipped_query("entities"))
    assert rows(result) == [
        ("gbr:country/russia", "Country", "Russia", "Moscow | Russian Federation", "wd:Q159", "country:RUS", "9"),
        ("gbr:country/syria", "Country", "Syria", "Damascus", "wd:Q858", "country:SYR", "4"),
        ("gbr:country/united-states", "Country", "United States", "US | Washington", "wd:Q30", "country:USA", "6"),
        ("gbr:group/islamic-state", "Group", "Islamic State", "IS | ISIL", "wd:Q2429253", "group:islamic-state", "5"),
        ("gbr:group/the-west", "Group", "the West", "Western countries", None, "group:the-west", "5"),
        ("gbr:ministry/russia-foreign-ministry", "Ministry", "Russian Foreign Ministry", None, None, None, "1"),
        ("gbr:official/gennady-gatilov", "Official", "Gennady Gatilov", "Gatilov", None, None, "5"),
        ("gbr:official/ilya-rogachev", "Official", "Ilya Rogachev", "Rogachev", None, None, "8"),
        ("gbr:official/sergei-lavrov", "Official", "Sergei Lavrov", "Lavrov", None, None, "3"),
    ]


def test_negative_statements(source):
    result = run_query(source, shipped_query("negative-statements"))
    assert [r[:7] + r[8:] for r in rows(result)] == [
        ("gbr:statement/3c4d5e6f708192a3", "gbr:country/united-states", "United States", "gb:cooperatesWith",
         "gbr:country/syria", "Syria", "refusing to cooperate",
         "gbr:article/moscowtimes-2014-10-29-gatilov", "2014-10-29"),
    ]


@pytest.mark.parametrize("actor", ["Russia", "russia", "Moscow", "Russian Federation",
                                   "gbr:country/russia", f"<{GBR}country/russia>", f"{GBR}country/russia"])
def test_articles_mentioning_accepts_labels_aliases_and_iris(source, actor):
    result = run_query(source, shipped_query("articles-mentioning"), {"actor": actor})
    assert [(r[0], r[1], r[4], r[5], r[7]) for r in rows(result)] == [
        ("gbr:country/russia", "gbr:article/fixture-2015-02-01-lavrov", "2015-02-01", "Fixture Wire", "2"),
        ("gbr:country/russia", "gbr:article/sputnik-2015-01-13-rogachev", "2015-01-13", "Sputnik", "2"),
        ("gbr:country/russia", "gbr:article/moscowtimes-2014-10-29-gatilov", "2014-10-29", "The Moscow Times", "0"),
    ]


def test_engines_agree_on_every_shipped_query(store, graph):
    params = {"said-about": {"speaker": "Russia", "target": "the West"},
              "articles-mentioning": {"actor": "Gatilov"}}
    for query in list_queries():
        answer = run_query(store, query, params.get(query.name))
        assert answer.rows, query.name
        assert answer == run_query(graph, query, params.get(query.name)), query.name


# ------------------------------------------------------------------ parameters
def test_label_resolution_prefers_rdfs_label_and_reports_ambiguity():
    graph = rdflib.Graph().parse(data=f"""
        @prefix gb: <{PREFIXES['gb']}> . @prefix gbr: <{GBR}> .
        @prefix rdfs: <{PREFIXES['rdfs']}> . @prefix skos: <{PREFIXES['skos']}> .
        gbr:a a gb:Ministry ; rdfs:label "Foreign Ministry" .
        gbr:b a gb:Ministry ; rdfs:label "Russian Foreign Ministry" ; skos:altLabel "Foreign Ministry", "MID" .
        gbr:c a gb:Ministry ; rdfs:label "Syrian Foreign Ministry" ; skos:altLabel "MID" .
        """, format="turtle")
    assert resolve_actor(graph, "foreign ministry") == [URIRef(GBR + "a")]
    assert resolve_actor(graph, "MID") == [URIRef(GBR + "b"), URIRef(GBR + "c")]
    query = "SELECT ?actor ?label WHERE { ?actor rdfs:label ?label }"
    with pytest.raises(QueryError, match=r"names 2 actors .*give one of their IRIs"):
        run_query(graph, _with_actor_param(query), {"actor": "MID"})


def _with_actor_param(text: str):
    from graphbuild.query import Param, ShippedQuery

    return ShippedQuery("test", text, "", "", (Param("actor", "actor", False, ""),))


@pytest.mark.parametrize(("params", "message"), [
    ({}, r"needs parameter 'speaker'"),
    ({"speaker": "Russia", "target": "Syria", "since": "2015"}, r"has no parameter 'since'"),
    ({"speaker": "Atlantis", "target": "Syria"}, r"No actor is labelled 'Atlantis'"),
    ({"speaker": "gbr:country/atlantis", "target": "Syria"}, r"not an actor of this graph"),
    ({"speaker": "<http://x y>", "target": "Syria"}, r"not a valid IRI"),
])
def test_bad_parameters(source, params, message):
    with pytest.raises(QueryError, match=message):
        run_query(source, shipped_query("said-about"), params)


def test_bad_date_parameter(source):
    with pytest.raises(QueryError, match=r"start='29/10/2014' is not a date; write it as YYYY-MM-DD"):
        run_query(source, shipped_query("cooperation-network"), {"start": "29/10/2014"})


INJECTIONS = ['Russia" } UNION { ?actor ?p ?o } #',
              "Russia' . ?article ?p ?o . FILTER(true) #",
              '"} ; DROP ALL ; SELECT * {',
              "?actor"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_label_parameter_cannot_change_the_query(source, value):
    with pytest.raises(QueryError, match="No actor is labelled"):
        run_query(source, shipped_query("articles-mentioning"), {"actor": value})


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_literal_parameter_cannot_change_an_ad_hoc_query(source, value):
    query = "SELECT ?actor ?name WHERE { ?actor rdfs:label ?name }"
    assert run_query(source, query, {"name": value}).rows == ()
    assert [compact(r[0]) for r in run_query(source, query, {"name": "Syria"}).rows] == ["gbr:country/syria"]


def test_ad_hoc_parameters(source):
    query = "SELECT ?s ?o WHERE { ?s gb:accuses ?o } ORDER BY STR(?o)"
    assert rows(run_query(source, query, {"s": "gbr:official/gennady-gatilov"})) == [
        ("gbr:official/gennady-gatilov", "gbr:country/united-states"),
        ("gbr:official/gennady-gatilov", "gbr:group/the-west"),
    ]
    assert rows(run_query(source, query, {"s": URIRef(GBR + "country/united-states")})) == [
        ("gbr:country/united-states", "gbr:country/russia"),
    ]
    with pytest.raises(QueryError, match=r"no variable \?x"):
        run_query(source, query, {"x": "1"})


def test_oxigraph_needs_parameters_in_the_projection(store):
    with pytest.raises(QueryError, match=r"'s' must be a variable the SELECT clause projects"):
        run_query(store, "SELECT ?o WHERE { ?s gb:accuses ?o }", {"s": "gbr:country/russia"})


def test_parse_params():
    assert parse_params(["actor=Russia", "?start=2015-01-01", "q=a=b"]) == {
        "actor": "Russia", "start": "2015-01-01", "q": "a=b"}
    with pytest.raises(QueryError, match="not NAME=VALUE"):
        parse_params(["Russia"])
    with pytest.raises(QueryError, match="given twice"):
        parse_params(["a=1", "a=2"])


# ------------------------------------------------------------------ bad SPARQL
BAD = "SELECT ?x WHERE {\n  ?x a gb:Country .\n  FILTER(?x = ) }"


def test_bad_sparql_names_line_and_column(source):
    with pytest.raises(QueryError) as info:
        run_query(source, BAD)
    message = str(info.value)
    assert re.match(r"Bad SPARQL at line 3, column \d+: \S", message)
    assert "\n" not in message


def test_undeclared_prefix_is_reported(store):
    with pytest.raises(QueryError, match=r"Bad SPARQL at line 1, column \d+: .*nope"):
        run_query(store, "SELECT * WHERE { ?s nope:p ?o }")


# ------------------------------------------------------------------ resolving queries
def test_resolve_query(tmp_path):
    assert resolve_query("who-accuses-whom").name == "who-accuses-whom"
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(rq)) == "ASK { ?s ?p ?o }"
    assert resolve_query("ASK { ?s ?p ?o }") == "ASK { ?s ?p ?o }"
    with pytest.raises(QueryError, match="neither a shipped query"):
        resolve_query("who-acuses-whom")
    with pytest.raises(QueryError, match="does not exist"):
        resolve_query(str(tmp_path / "missing.rq"))


# ------------------------------------------------------------------ sources
def test_load_source_errors(tmp_path):
    with pytest.raises(GraphFileError, match="does not exist"):
        load_source(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"Cannot parse .*bad\.ttl"):
        load_source(bad)
    odd = tmp_path / "graph.unknown"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(GraphFileError, match="Cannot tell the RDF format"):
        load_source(odd)


def test_load_source_falls_back_to_rdflib_formats(tmp_path):
    trix = tmp_path / "graph.trix"  # rdflib reads TriX, Oxigraph does not
    dataset = rdflib.Dataset()
    dataset.graph(URIRef("https://example.org/g")).parse(FIXTURE)
    dataset.serialize(destination=trix, format="trix")
    assert len(load_source(trix)) == len(rdflib.Graph().parse(FIXTURE))


# ------------------------------------------------------------------ formats
@pytest.fixture(scope="module")
def accusations(store):
    return run_query(store, shipped_query("who-accuses-whom"))


def test_csv(accusations):
    text = format_result(accusations, "csv")
    assert text.startswith("accuser,accuserLabel,accused,accusedLabel,statements,articles,firstDate,lastDate\r\n")
    table = list(csv.reader(io.StringIO(text)))
    assert table[1] == [GBR + "official/gennady-gatilov", "Gennady Gatilov", GBR + "country/united-states",
                        "United States", "2", "2", "2014-10-29", "2015-02-01"]
    assert len(table) == 5


def test_tsv(accusations):
    lines = format_result(accusations, "tsv").splitlines()
    assert lines[0].split("\t")[:2] == ["?accuser", "?accuserLabel"]
    assert lines[1].split("\t")[:5] == [f"<{GBR}official/gennady-gatilov>", '"Gennady Gatilov"',
                                        f"<{GBR}country/united-states>", '"United States"',
                                        f'"2"^^<{XSD.integer}>']


def test_json_follows_the_sparql_results_format(accusations):
    data = json.loads(format_result(accusations, "json"))
    assert data["head"]["vars"][:2] == ["accuser", "accuserLabel"]
    first = data["results"]["bindings"][0]
    assert first["accuser"] == {"type": "uri", "value": GBR + "official/gennady-gatilov"}
    assert first["accuserLabel"] == {"type": "literal", "value": "Gennady Gatilov"}
    assert first["firstDate"] == {"type": "literal", "value": "2014-10-29", "datatype": str(XSD.date)}
    # rdflib reads it back to the same rows
    parsed = Result.parse(io.StringIO(format_result(accusations, "json")), format="json")
    assert [tuple(row) for row in parsed] == list(accusations.rows)


def test_json_leaves_unbound_variables_out(store):
    result = run_query(store, shipped_query("officials"))
    rogachev = json.loads(format_result(result, "json"))["results"]["bindings"][1]
    assert "post" not in rogachev and rogachev["officialLabel"]["value"] == "Ilya Rogachev"


def test_xml_reads_back(accusations):
    parsed = Result.parse(io.StringIO(format_result(accusations, "xml")), format="xml")
    assert [tuple(row) for row in parsed] == list(accusations.rows)


def test_ask_and_construct(source):
    ask = run_query(source, 'ASK { ?s gb:accuses ?o . ?o rdfs:label "Russia" }')
    assert ask.kind == "ask" and ask.boolean is True
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    built = run_query(source, "CONSTRUCT { ?o gb:accuses ?s } WHERE { ?s gb:accuses ?o }")
    assert built.kind == "graph" and len(built) == 4
    turtle = format_result(built, "turtle")
    assert "@prefix gb:" in turtle
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 4
    nt = format_result(built, "nt").splitlines()
    assert nt == sorted(nt) and len(nt) == 4
    with pytest.raises(QueryError, match="is a graph"):
        format_result(built, "csv")
    with pytest.raises(QueryError, match="is for graphs"):
        format_result(ask, "turtle")


# ------------------------------------------------------------------ command line
def _run(*args):
    return CliRunner().invoke(main, ["query", *map(str, args)], catch_exceptions=False)


def test_cli_table_and_list():
    listed = _run("--list")
    assert listed.exit_code == 0
    for name in SHIPPED:
        assert name in listed.output
    table = _run(FIXTURE, "officials")
    assert table.exit_code == 0
    assert "gbr:official/ilya-rogachev" in table.output and "Deputy Foreign Minister" in table.output
    assert "3 rows" in table.output


def test_cli_formats_and_output_file(tmp_path):
    out = _run(FIXTURE, "said-about", "-p", "speaker=Gatilov", "-p", "target=the West", "-f", "json")
    assert out.exit_code == 0
    bindings = json.loads(out.output)["results"]["bindings"]
    assert [b["cue"]["value"] for b in bindings] == ["took another jab"]
    target = tmp_path / "entities.csv"
    assert _run(FIXTURE, "entities", "-f", "csv", "-o", target).exit_code == 0
    assert target.read_bytes().count(b"\r\n") == 10
    rq = tmp_path / "countries.rq"
    rq.write_text("SELECT ?c WHERE { ?c a gb:Country } ORDER BY ?c", encoding="utf-8")
    assert _run(FIXTURE, rq, "-f", "tsv", "--engine", "rdflib").output.splitlines()[1:] == [
        f"<{GBR}country/russia>", f"<{GBR}country/syria>", f"<{GBR}country/united-states>"]


def test_cli_bad_sparql_is_one_line_without_traceback():
    result = CliRunner().invoke(main, ["query", str(FIXTURE), BAD])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphbuild: error: Bad SPARQL at line 3, column")


def test_cli_needs_source_and_query():
    result = CliRunner().invoke(main, ["query", str(FIXTURE)])
    assert result.exit_code == 2 and "Give SOURCE and QUERY" in result.output


# ------------------------------------------------------------------ the real example graph
@pytest.fixture(scope="module")
def example_graph() -> rdflib.Graph:
    import graphbuild

    return graphbuild.build([str(Path(__file__).parent.parent / "examples")])


def test_shipped_queries_on_the_example_graph(example_graph):
    store = ox.Store()
    from graphbuild.query import to_oxigraph

    store.extend(ox.Quad(*map(to_oxigraph, t)) for t in example_graph)
    params = {"said-about": {"speaker": "Russia", "target": "United States"},
              "articles-mentioning": {"actor": "Russia"}}
    for query in list_queries():
        answer = run_query(store, query, params.get(query.name))
        assert answer == run_query(example_graph, query, params.get(query.name)), query.name
    accusations = rows(run_query(store, shipped_query("who-accuses-whom")))
    assert ("gbr:official/gennady-gatilov", "gbr:country/united-states") in {(r[0], r[2]) for r in accusations}
    mentioning = rows(run_query(store, shipped_query("articles-mentioning"), {"actor": "Moscow"}))
    assert {r[2] for r in mentioning} == {"moscowtimes-2014-10-29-gatilov", "sputnik-2015-01-13-rogachev"}
