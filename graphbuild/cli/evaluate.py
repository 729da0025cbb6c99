"""``graphbuild evaluate``: score a graph against a gold file."""
from __future__ import annotations

import json
from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.table import Table

from graphbuild.errors import GraphbuildError
from graphbuild.evaluate import Evidence, Report, evaluate, read_gold, read_graph
from graphbuild.export import write_graph


@click.command("evaluate")
@click.argument("gold", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("graphs", nargs=-1, metavar="[GRAPH]...", type=click.Path(path_type=Path))
@click.option("--errors", "--show-errors", "show_errors", is_flag=True,
              help="List wrong, duplicate and missed items with their evidence sentences.")
@click.option("--json", "json_out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the figures (and, with --errors, the errors) as JSON to this file.")
@click.option("--save-graph", type=click.Path(path_type=Path, dir_okay=False),
              help="When building from the gold texts, also write that graph (format from the file ending).")
@click.option("--fail-under", type=click.FloatRange(0.0, 1.0), metavar="F1",
              help="Exit with status 1 when the overall relation F1 is below this value.")
def evaluate_command(gold: Path, graphs: tuple[Path, ...], show_errors: bool, json_out: Path | None,
                     save_graph: Path | None, fail_under: float | None) -> None:
    """Score GRAPH files (Turtle, N-Triples, TriG, RDF/XML, JSON-LD, or folders of
    them) against the gold file GOLD (JSON Lines, see docs/gold-format.md).

    With no GRAPH, graphbuild first builds the graph from the gold file's own
    article texts. Prints precision, recall, F1, tp, fp and fn per entity type and
    per predicate.
    """
    gold_set = read_gold(gold)
    if graphs:
        if save_graph is not None:
            raise click.UsageError("--save-graph only applies when the graph is built from the gold texts.")
        graph = read_graph(graphs)
    else:
        graph = _build_from_gold(gold_set, gold)
        if save_graph is not None:
            write_graph(graph, save_graph)
    report = evaluate(gold_set, graph)

    console = Console(highlight=False, soft_wrap=False)
    console.print(_figures_table(report))
    if show_errors:
        _print_errors(report)
    if json_out is not None:
        try:
            json_out.write_text(json.dumps(report.to_dict(errors=show_errors), indent=2, ensure_ascii=False)
                                + "\n", encoding="utf-8")
        except OSError as err:
            raise GraphbuildError(f"Cannot write {json_out}: {err.strerror or err}.") from err
    if fail_under is not None and report.relations["all"].f1 < fail_under:
        click.echo(f"relation F1 {report.relations['all'].f1:.3f} is below --fail-under {fail_under:.3f}",
                   err=True)
        raise SystemExit(1)


def _build_from_gold(gold_set, gold_path: Path):
    """Build a graph from the gold file's article texts with graphbuild's own pipeline."""
    # imported here: building loads spaCy, which scoring a given graph does not need
    from graphbuild.articles import article_from_record
    from graphbuild.build import build_articles

    articles = [article_from_record(article.record(), f"{gold_path}:{article.line}")
                for article in gold_set.articles]
    return build_articles(articles)


def _figures_table(report: Report) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=f"{report.gold}  ({report.triples} triples)",
                  title_justify="left")
    table.add_column("scored", no_wrap=True)
    for name in ("P", "R", "F1"):
        table.add_column(name, justify="right")
    for name in ("tp", "fp", "fn"):
        table.add_column(name, justify="right")
    groups = [("relations", report.relations)]
    if report.entities is not None:
        groups.insert(0, ("entities", report.entities))
    for group, scores in groups:
        for name, score in scores.items():
            style = "bold" if name == "all" else None
            table.add_row(f"{group} {name}", f"{score.precision:.3f}", f"{score.recall:.3f}",
                          f"{score.f1:.3f}", str(score.tp), str(score.fp), str(score.fn), style=style)
        if group == "entities":
            table.add_section()
    return table


def _evidence_lines(evidence: tuple[Evidence, ...], indent: str = "    ") -> list[str]:
    return [f"{indent}> {e.text}" + (f"  [{e.article}]" if e.article else "") for e in evidence]


def _print_errors(report: Report) -> None:
    # plain click.echo: evidence sentences hold brackets that rich would read as markup
    sections: dict[str, list[str]] = {}
    for err in report.entity_errors:
        if err.kind == "wrong" and err.gold_id:
            line = f"{err.label}  (gold: {err.gold_type} {err.gold_id})"
        elif err.kind == "wrong":
            line = err.label
        else:
            line = f"{err.label}  = {err.gold_id}"
        if err.articles:
            line += f"  [{', '.join(err.articles)}]"
        sections.setdefault(f"entity {err.type}: {err.kind}", []).append(line)
    for rel in report.relation_errors:
        if rel.kind == "missed":
            lines = [f"{rel.subject} -> {rel.object}  ({rel.subject_gold} -> {rel.object_gold})"]
        else:
            lines = [f"{rel.subject} -> {rel.object}"]
        lines += _evidence_lines(rel.evidence)
        if rel.gold_evidence:
            lines.append("    gold says the text denies it:")
            lines += _evidence_lines(rel.gold_evidence, indent="      ")
        kind = {"wrong": "wrong (not in gold)", "denied": "wrong (denied in the text)"}.get(rel.kind, rel.kind)
        sections.setdefault(f"{rel.predicate}: {kind}", []).extend(lines)
    if not sections:
        click.echo("\nno errors")
    for title, lines in sections.items():
        count = sum(1 for line in lines if not line.startswith(" "))
        click.echo(f"\n{title} ({count}):")
        for line in lines:
            click.echo("  " + line)
