"""``graphbuild build PATH... -o graph.ttl`` (or ``--store DIR``)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from graphbuild.errors import InputError


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Graph file to write (.ttl, .nt, .jsonld, ...); default graph.ttl, or "
                   "nothing with --store.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Add the articles to this on-disk Oxigraph store (created when missing); "
                   "articles already in it are skipped. Write it out with graphbuild export.")
@click.option("--gazetteer", "gazetteer", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A gazetteer file of your own actors (JSON or CSV, see docs/gazetteer.md); repeatable.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes for the language model (0: every core; with --engine dask, "
                   "workers of the local cluster).")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Texts per model batch.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Folder of the extraction cache [default: .graphbuild-cache beside the output].")
@click.option("--no-cache", is_flag=True, help="Parse every article, read and write no cache.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the model runs: this machine, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786); without it a local cluster is started.")
@click.option("--parts", "parts_dir", type=click.Path(file_okay=False),
              help="With --engine dask: folder for the per-partition JSON Lines "
                   "[default: parts/ in the cache folder].")
@click.option("--skip-bad", is_flag=True, help="Report unreadable articles and build the rest.")
@click.option("--follow-symlinks", is_flag=True, help="Follow symbolic links out of the given folders.")
@click.option("--max-bytes", type=int, default=20_000_000, show_default=True,
              help="Refuse article files larger than this.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the graph against the SHACL shapes before writing it.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or summary.")
def build(paths, output, store_dir, gazetteer, jobs, batch_size, cache_dir, no_cache, engine, scheduler,
          parts_dir, skip_bad, follow_symlinks, max_bytes, validate, quiet):
    """Build a knowledge graph from news articles (files and folders of .txt, .md,
    .html and .jsonl).

    Extractions are cached by the text of each article and the version of the pipeline
    and gazetteer, so building again after adding articles parses only the new ones.
    """
    from graphbuild.articles import read_articles
    from graphbuild.build import build_into_store, build_to_file, extract_articles
    from graphbuild.cache import DEFAULT_DIR, ExtractionCache, pipeline_fingerprint
    from graphbuild.engine import make_engine

    if output is None and store_dir is None:
        output = "graph.ttl"
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    gazetteer = tuple(str(g) for g in gazetteer)
    skipped: list[tuple[str, str]] = []

    def on_skip(path, message):
        skipped.append((str(path), str(message)))
        if not quiet:
            click.echo(f"graphbuild: skipped {path}: {str(message).replace('; skipped', '')}", err=True)

    articles = read_articles(list(paths), skip_bad=skip_bad, on_skip=on_skip,
                             follow_symlinks=follow_symlinks, max_bytes=max_bytes)
    beside = Path(output).parent if output else Path(store_dir).parent
    cache = None
    if not no_cache:
        cache = ExtractionCache(Path(cache_dir) if cache_dir else beside / DEFAULT_DIR,
                                fingerprint=pipeline_fingerprint(gazetteer))
    if engine == "dask" and parts_dir is None:
        parts_dir = (cache.directory if cache is not None else beside / DEFAULT_DIR) / "parts"
    started = time.perf_counter()
    show_progress = not quiet and sys.stderr.isatty()
    try:
        with make_engine(engine, jobs=jobs or None, gazetteer=gazetteer, batch_size=batch_size,
                         scheduler=scheduler, parts_dir=parts_dir) as runner, \
                _progress(show_progress) as tick:

            def extract(arts):
                return extract_articles(arts, gazetteer=gazetteer, cache=cache, engine=runner, on_article=tick)

            if store_dir is not None:
                stats = build_into_store(articles, store_dir, gazetteer=gazetteer, validate=validate,
                                         extract=extract)
                if output:
                    from graphbuild.build import export_store
                    from graphbuild.store import Store

                    with Store.open(store_dir, read_only=True) as store:
                        export_store(store, output)
            else:
                stats = build_to_file(extract(articles), output, gazetteer=gazetteer, validate=validate)
    except InputError as err:
        if err.path is None and str(err).startswith("no article could be read"):  # not a reader's error
            raise InputError("no article could be read; nothing was written", path=", ".join(paths)) from err
        raise
    finally:
        if cache is not None:
            cache.close()
    if quiet:
        return
    seconds = time.perf_counter() - started
    cached = f", {cache.hits} from the cache" if cache is not None and cache.hits else ""
    more = f" ({len(skipped)} skipped)" if skipped else ""
    if store_dir is not None:
        click.echo(f"graphbuild: {stats['new']} new articles ({stats['skipped']} already in the store"
                   f"{cached}), {stats['added']} triples added, {stats['triples']} in {store_dir}"
                   + (f" -> {output}" if output else "") + f" in {seconds:.1f} s{more}", err=True)
    else:
        click.echo(f"graphbuild: {stats['articles']} articles{cached}, {stats['statements']} statements, "
                   f"{stats['triples']} triples -> {output} in {seconds:.1f} s{more}", err=True)


class _progress:
    """A rich progress bar with articles per second (nothing when ``show`` is false)."""

    def __init__(self, show: bool):
        self.show = show
        self.progress = None

    def __enter__(self):
        if not self.show:
            return lambda ex: None
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.completed} articles"), TextColumn("{task.fields[rate]}"),
                                 TimeElapsedColumn(), transient=True)
        self.progress.__enter__()
        task = self.progress.add_task("building", total=None, rate="")
        count = [0]
        start = time.perf_counter()

        def tick(ex):
            count[0] += 1
            rate = count[0] / max(time.perf_counter() - start, 1e-9)
            self.progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")

        return tick

    def __exit__(self, *exc):
        if self.progress is not None:
            self.progress.__exit__(*exc)
