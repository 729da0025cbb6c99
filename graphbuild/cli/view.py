"""``graphbuild view`` and ``graphbuild network``: an interactive page, or a file for Gephi."""
from __future__ import annotations

from pathlib import Path

import click

from graphbuild.analysis import read_graph


@click.command("view")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default="graph.html",
              show_default=True, help="The HTML page to write.")
@click.option("--negative", is_flag=True, help="Also draw denied or refused relations, dashed.")
@click.option("--lift", is_flag=True, help="Also draw officials' relations as relations of the top body "
                                           "or country they speak for (dotted).")
@click.option("--title", default="graphbuild: actors and relations", show_default=True, help="Page title.")
def view_command(graph_file: Path, output: Path, negative: bool, lift: bool, title: str) -> None:
    """Write an interactive page of the actors and relations of GRAPH.

    The page is one self-contained HTML file that needs no network: filter by
    actor type, relation and date; hover or click for names, aliases and the
    evidence sentences with their articles.
    """
    from graphbuild.view import render_html

    path = render_html(read_graph(graph_file), output, negative=negative, lift=lift, title=title)
    click.echo(f"wrote {path}")


@click.command("network")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The file to write: .gexf (Gephi, with dates for its timeline) or .graphml.")
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml"]),
              help="File format; guessed from the --output suffix by default.")
@click.option("--negative", is_flag=True, help="Also export denied or refused relations.")
@click.option("--lift", is_flag=True, help="Also export officials' relations lifted onto their bodies.")
def network_command(graph_file: Path, output: Path, fmt: str | None, negative: bool, lift: bool) -> None:
    """Export the actor network of GRAPH for Gephi and other network tools."""
    from graphbuild.network_export import write_network

    if fmt is None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix not in ("gexf", "graphml"):
            raise click.UsageError(f"cannot tell the format of {output}: use a .gexf or .graphml name, or --format")
        fmt = suffix
    counts = write_network(read_graph(graph_file), output, fmt=fmt, negative=negative, lift=lift)
    click.echo(f"wrote {output} ({counts['nodes']} actors, {counts['edges']} relations)")
