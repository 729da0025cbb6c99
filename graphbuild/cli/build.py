"""``graphbuild build PATH... -o graph.ttl``."""
from __future__ import annotations

import os
import sys

import click

from graphbuild.errors import InputError


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="graph.ttl", show_default=True,
              help="Graph file to write (.ttl, .nt, .jsonld, ...).")
@click.option("--gazetteer", "gazetteer", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A gazetteer file of your own actors (JSON or CSV, see docs/gazetteer.md); repeatable.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True,
              help="Processes for the language model (0: all cores).")
@click.option("--skip-bad", is_flag=True, help="Report unreadable articles and build the rest.")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links out of the given folders.")
@click.option("--max-bytes", type=int, default=20_000_000, show_default=True,
              help="Refuse article files larger than this.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the graph against the SHACL shapes before writing it.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary.")
def build(paths, output, gazetteer, jobs, skip_bad, follow_symlinks, max_bytes, validate, quiet):
    """Build a knowledge graph from news articles (files and folders of .txt, .md,
    .html and .jsonl)."""
    from graphbuild.articles import read_articles
    from graphbuild.build import extract_articles, graph_of
    from graphbuild.export import write_graph
    from graphbuild.validate import check

    skipped: list[tuple[str, str]] = []

    def on_skip(path, message):
        skipped.append((str(path), str(message)))
        if not quiet:
            click.echo(f"graphbuild: skipped {path}: {str(message).replace('; skipped', '')}", err=True)

    if jobs == 0:
        jobs = os.cpu_count() or 1
    articles = read_articles(list(paths), skip_bad=skip_bad, on_skip=on_skip,
                             follow_symlinks=follow_symlinks, max_bytes=max_bytes)
    extractions = []
    show_progress = not quiet and sys.stderr.isatty()
    if show_progress:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
                      TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), transient=True) as progress:
            task = progress.add_task("building", total=None, rate="")
            for ex in extract_articles(articles, gazetteer=gazetteer, jobs=jobs):
                extractions.append(ex)
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, advance=1, rate=f"{len(extractions) / elapsed:.1f}/s")
    else:
        extractions = list(extract_articles(articles, gazetteer=gazetteer, jobs=jobs))
    if not extractions:
        raise InputError("no article could be read; nothing was written", path=", ".join(paths))
    graph = graph_of(extractions, gazetteer=gazetteer)
    if validate:
        check(graph)
    write_graph(graph, output)
    if not quiet:
        n_rel = sum(len(ex.relations) for ex in extractions)
        click.echo(f"graphbuild: {len(extractions)} articles, {n_rel} statements, "
                   f"{len(graph)} triples -> {output}"
                   + (f" ({len(skipped)} skipped)" if skipped else ""), err=True)
