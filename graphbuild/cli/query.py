"""``graphbuild query``: SPARQL on a graph file or a store, shipped queries included."""
from __future__ import annotations

from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text
from rdflib.term import BNode, Literal, Node, URIRef

from graphbuild.errors import GraphbuildError
from graphbuild.query import (
    GRAPH_FORMATS,
    SELECT_FORMATS,
    QueryResult,
    format_result,
    list_queries,
    load_source,
    parse_graph_file,
    parse_params,
    resolve_query,
    run_query,
)
from graphbuild.vocab import PREFIXES

_FORMATS = ("table",) + tuple(sorted(set(SELECT_FORMATS) | set(GRAPH_FORMATS)))
# Longest namespace first, so gbr: wins over a shorter one that is its prefix.
_NAMESPACES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


@click.command("query")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.argument("query", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (an actor label, IRI, prefixed name, date ...); repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(_FORMATS), default="table", show_default=True,
              help="table on the terminal; csv, tsv, json, xml (SPARQL results) for SELECT/ASK; "
                   "turtle, nt, xml, json-ld for CONSTRUCT/DESCRIBE.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the results to this file instead of standard output.")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True,
              help="Query engine for a graph file (rdflib is slow on large graphs).")
@click.option("--list", "list_only", is_flag=True, help="List the shipped queries and their parameters.")
def query_command(source: Path | None, query: str | None, params: tuple[str, ...], fmt: str,
                  output: Path | None, engine: str, list_only: bool) -> None:
    """Run QUERY on SOURCE and print the results.

    SOURCE is a graph file (Turtle, N-Triples, TriG, RDF/XML, JSON-LD ...) or a store
    directory (graphbuild build --store). QUERY is the name of a shipped query
    (graphbuild query --list), a .rq file or SPARQL text. The prefixes gb:, gbr:,
    schema:, org:, prov:, skos:, wd:, owl:, rdfs:, rdf:, xsd: need no PREFIX line.

    \b
    Examples:
      graphbuild query graph.ttl who-accuses-whom
      graphbuild query graph.ttl said-about -p speaker=Russia -p target="United States"
      graphbuild query graph.ttl "SELECT ?a WHERE { ?a a gb:Country }" -f csv
    """
    # On a terminal the table fits the window; piped, rows stay whole (one per line).
    console = Console(highlight=False, soft_wrap=False,
                      width=None if click.get_text_stream("stdout").isatty() else 100_000)
    if list_only:
        console.print(_list_table())
        return
    if source is None or query is None:
        raise click.UsageError("Give SOURCE and QUERY, or --list.")
    resolved = resolve_query(query)
    bound = parse_params(params)
    if engine == "rdflib" and not source.is_dir():
        graph_source = parse_graph_file(source)
    else:
        graph_source = load_source(source)
    result = run_query(graph_source, resolved, bound)

    if fmt == "table" and output is None:
        _print_table(console, result)
        return
    if fmt == "table":
        fmt = "turtle" if result.kind == "graph" else "tsv"
    text = format_result(result, fmt)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as err:
        raise GraphbuildError(f"Cannot write {output}: {err.strerror or err}.") from err


def _list_table() -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=False)
    table.add_column("query", style="bold", no_wrap=True)
    table.add_column("answers")
    table.add_column("parameters")
    for shipped in list_queries():
        params = "\n".join(
            f"{p.name} ({p.kind}{', optional' if p.optional else ''}): {p.doc}" for p in shipped.params
        )
        table.add_row(shipped.name, shipped.description, params or "-")
    return table


def _print_table(console: Console, result: QueryResult) -> None:
    if result.kind == "ask":
        console.print("true" if result.boolean else "false")
        return
    if result.kind == "graph":
        click.echo(format_result(result, "turtle"), nl=False)
        return
    table = Table(box=box.SIMPLE_HEAD)
    for variable in result.variables:
        table.add_column(variable, overflow="fold", min_width=len(variable))
    for row in result.rows:
        table.add_row(*(Text(_compact(term)) for term in row))
    console.print(table)
    console.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}", style="dim")


def _compact(term: Node | None) -> str:
    """A term as a reader wants it: prefixed IRIs, bare literal values."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in _NAMESPACES:
            if term.startswith(namespace) and len(term) > len(namespace):
                return f"{prefix}:{term[len(namespace):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal) and term.language:
        return f"{term}@{term.language}"
    return str(term)
