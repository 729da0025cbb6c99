"""``graphbuild analyse``: centrality, communities, balance and dyads of a graph."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.table import Table

from graphbuild.analysis import analyse, read_graph
from graphbuild.analysis.io import atomic_write


@click.command("analyse")
@click.argument("graph_file", metavar="GRAPH", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the full report as JSON to this file.")
@click.option("--csv", "csv_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Write centrality, communities, dyads, timeline, balance and errors as CSV files "
                   "into this folder.")
@click.option("--lift", is_flag=True,
              help="Also count officials' relations for the top body or country they speak for.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1),
              help="Rows shown per table.")
@click.option("--seed", default=0, show_default=True, help="Seed of Louvain, Leiden and sampled betweenness.")
def analyse_command(graph_file: Path, output: Path | None, csv_dir: Path | None, lift: bool, top: int,
                    seed: int) -> None:
    """Analyse the actor network of GRAPH (Turtle or any RDF file a build wrote):
    central actors per relation layer, cooperation blocs, structural balance and the
    most supported accusations. Metrics that cannot be computed are reported with
    the reason instead of stopping the run.
    """
    report = analyse(read_graph(graph_file), lift=lift, top=max(top, 50), seed=seed)
    console = Console(highlight=False, soft_wrap=False)
    _print(console, report, top)
    if output is not None:
        atomic_write(output, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        click.echo(f"wrote {output}", err=True)
    if csv_dir is not None:
        for name, text in _csv_files(report).items():
            atomic_write(csv_dir / name, text)
        click.echo(f"wrote CSV files to {csv_dir}", err=True)


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _print(console: Console, report: dict, top: int) -> None:
    summary = report["summary"]
    types = ", ".join(f"{n} {t}" for t, n in summary["actors_by_type"].items())
    edges = ", ".join(f"{n} {k}" for k, n in summary["edges_by_key"].items())
    console.print(f"[bold]{summary['actors']} actors[/] ({types}); {summary['statements']} statements "
                  f"from {summary['articles']} articles; edges: {edges or 'none'}"
                  + ("; officials lifted onto their bodies" if summary["lifted"] else ""))

    for layer, result in report["centrality"].items():
        if "error" in result:
            console.print(f"[yellow]centrality ({layer}): {result['error']}[/]")
            continue
        table = Table(title=f"Top actors: {layer} (reciprocity {_fmt(result['reciprocity'])})",
                      box=box.SIMPLE_HEAD)
        for column in ("actor", "type", "pagerank", "degree", "betweenness", "eigenvector"):
            table.add_column(column, justify="left" if column in ("actor", "type") else "right")
        for row in result["scores"][:top]:
            table.add_row(row["label"], row["type"], *(_fmt(row[m]) for m in
                                                       ("pagerank", "degree", "betweenness", "eigenvector")))
        console.print(table)

    for method, result in report["communities"].items():
        if "error" in result:
            console.print(f"[yellow]communities ({method}): {result['error']}[/]")
            continue
        table = Table(title=f"Cooperation blocs ({method}, modularity {_fmt(result['modularity'])})",
                      box=box.SIMPLE_HEAD)
        table.add_column("#", justify="right")
        table.add_column("size", justify="right")
        table.add_column("members")
        for i, community in enumerate(result["communities"][:top], 1):
            table.add_row(str(i), str(community["size"]), ", ".join(m["label"] for m in community["members"]))
        console.print(table)

    bal = report["balance"]
    table = Table(title="Structural balance (signed graph: accuses -, cooperatesWith +)", box=box.SIMPLE_HEAD)
    table.add_column("measure")
    table.add_column("value", justify="right")
    signed = bal["signed_edges"]
    table.add_row("signed ties (+ / - / cancelled)", f"{signed['positive']} / {signed['negative']} / {signed['ties']}")
    tri = bal["triangles"]
    if "error" in tri:
        table.add_row("triangles", tri["error"])
    else:
        table.add_row("balanced triangles", f"{tri['balanced']} of {tri['triangles']} ({_fmt(tri['ratio'])})")
    fr = bal["frustration"]
    if "error" in fr:
        table.add_row("frustration index", fr["error"])
    else:
        table.add_row("frustration index", f"{_fmt(fr['index'])} of {fr['edges']} ties "
                      f"({'exact' if fr['exact'] else 'upper bound'}, {fr['method']})")
        for i, camp in enumerate(fr["camps"]):
            table.add_row(f"camp {'AB'[i]}", ", ".join(camp) or "-")
        if fr["frustrated"]:
            table.add_row("frustrated ties", "; ".join(" - ".join(edge) for edge in fr["frustrated"][:top]))
    console.print(table)

    for predicate, rows in report["dyads"].items():
        if not rows:
            console.print(f"[yellow]dyads ({predicate}): none[/]")
            continue
        table = Table(title=f"Top dyads: {predicate}", box=box.SIMPLE_HEAD)
        for column in ("source", "target", "support", "returned", "first", "last"):
            table.add_column(column, justify="right" if column in ("support", "returned") else "left")
        for row in rows[:top]:
            table.add_row(row["source_label"], row["target_label"], str(row["support"]), str(row["returned"]),
                          _fmt(row["first"]), _fmt(row["last"]))
        console.print(table)

    if report["errors"]:
        console.print("[yellow]Not computed:[/]")
        for err in report["errors"]:
            console.print(f"  {err['metric']}: {err['error']}")


def _to_csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue()


def _csv_files(report: dict) -> dict[str, str]:
    metrics = ["degree", "betweenness", "pagerank", "eigenvector"]
    centrality_rows = [
        [layer, row["actor"], row["label"], row["type"], *(row[m] for m in metrics)]
        for layer, result in report["centrality"].items() if "scores" in result
        for row in result["scores"]
    ]
    community_rows = [
        [method, i, m["actor"], m["label"], m["type"]]
        for method, result in report["communities"].items() if "communities" in result
        for i, community in enumerate(result["communities"], 1)
        for m in community["members"]
    ]
    dyad_fields = ["predicate", "source", "target", "source_label", "target_label", "support", "returned",
                   "first", "last"]
    dyad_rows = [[row[f] for f in dyad_fields] for rows in report["dyads"].values() for row in rows]
    timeline_fields = ["period", "predicate", "polarity", "statements"]
    bal = report["balance"]
    balance_rows = [["signed_positive", bal["signed_edges"]["positive"]],
                    ["signed_negative", bal["signed_edges"]["negative"]],
                    ["signed_cancelled", bal["signed_edges"]["ties"]]]
    if "error" not in bal["triangles"]:
        balance_rows += [[f"triangles_{k}", v] for k, v in bal["triangles"].items()]
    if "error" not in bal["frustration"]:
        fr = bal["frustration"]
        balance_rows += [["frustration_index", fr["index"]], ["frustration_exact", fr["exact"]],
                         ["frustration_method", fr["method"]]]
    return {
        "centrality.csv": _to_csv(["layer", "actor", "label", "type", *metrics], centrality_rows),
        "communities.csv": _to_csv(["method", "community", "actor", "label", "type"], community_rows),
        "dyads.csv": _to_csv(dyad_fields, dyad_rows),
        "timeline.csv": _to_csv(timeline_fields, [[r[f] for f in timeline_fields] for r in report["timeline"]]),
        "balance.csv": _to_csv(["measure", "value"], balance_rows),
        "errors.csv": _to_csv(["metric", "error"], [[e["metric"], e["error"]] for e in report["errors"]]),
    }
