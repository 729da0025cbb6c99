"""``graphbuild actors GRAPH --unknown``: actors the gazetteer does not know yet."""
from __future__ import annotations

import csv
import sys

import click


@click.command("actors")
@click.argument("graph_file", type=click.Path(dir_okay=False))
@click.option("--unknown", is_flag=True, required=True,
              help="List actors in statements that matched no gazetteer entry (the gazetteer's to-do list).")
@click.option("-n", "--limit", type=int, default=50, show_default=True, help="How many to list (0: all).")
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV to standard output instead of a table.")
def actors_command(graph_file, unknown, limit, as_csv):
    """Actors of a graph with no gazetteer entry, most frequent first, each with an
    example sentence. Add them with a gazetteer file of your own (docs/gazetteer.md)
    and pass it to `graphbuild build --gazetteer FILE`."""
    from graphbuild.actors import unknown_actors
    from graphbuild.export import read_graph

    rows = unknown_actors(read_graph(graph_file), limit=limit or None)
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["label", "type", "statements", "iri", "example", "article"])
        for u in rows:
            writer.writerow([u.label, u.type, u.statements, u.iri, u.example, u.article])
        return
    if not rows:
        click.echo("every actor in a statement is known to the gazetteer")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Actors not in the gazetteer ({len(rows)} shown)")
    for col in ("label", "type", "statements", "example sentence"):
        table.add_column(col, overflow="fold")
    for u in rows:
        table.add_row(u.label, u.type, str(u.statements), u.example[:160])
    Console().print(table)
