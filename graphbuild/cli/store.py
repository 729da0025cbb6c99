"""``graphbuild export``, ``serve`` and ``push``: a graph out of a store, over SPARQL,
or into another store."""
from __future__ import annotations

from pathlib import Path

import click

from graphbuild.store import EXPORT_FORMATS, Store


@click.command("export")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The file to write (replaced atomically).")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)),
              help="RDF format; by default from the extension of --output.")
def export_command(directory: Path, output: Path, fmt: str | None) -> None:
    """Write the graph of the store in DIRECTORY to a file."""
    with Store.open(directory, read_only=True) as store:
        count = store.triple_count()
        store.export(output, fmt)
    click.echo(f"wrote {count} triples to {output}", err=True)


@click.command("serve")
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the graph, unauthenticated.")
@click.option("--timeout", type=click.FloatRange(min=0), metavar="SECONDS", default=30.0, show_default=True,
              help="Stop queries running longer than this (Oxigraph --timeout-s); 0: no limit.")
@click.option("--max-result-mb", type=click.FloatRange(min=0), default=None, metavar="MB",
              help="Largest answer sent, in MB (default: the server's limit); 0: no limit.")
def serve_command(source: Path, port: int, host: str, timeout: float, max_result_mb: float | None) -> None:
    """Serve SOURCE (a graph file or a store directory) read-only as a SPARQL 1.1
    Protocol endpoint, until interrupted (Ctrl-C).

    Queries go to http://HOST:PORT/query by GET or POST; results come in JSON, XML, CSV,
    TSV or, for CONSTRUCT, Turtle and other RDF formats, by the Accept header.
    Updates are refused.
    """
    from graphbuild.serve import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach it can query the graph",
                   err=True)
    from graphbuild.serve import DEFAULT_MAX_RESULT_BYTES

    limit = DEFAULT_MAX_RESULT_BYTES if max_result_mb is None else (int(max_result_mb * 1_000_000) or None)
    server = serve(source, host=host, port=port, timeout=timeout or None, max_result_bytes=limit)
    click.echo(f"SPARQL endpoint (read-only): {server.query_url}  -  Ctrl-C stops it", err=True)
    try:
        status = server.wait()
    except KeyboardInterrupt:
        status = 0
    finally:
        server.stop()
    if status not in (0, -2, -15):
        raise SystemExit(f"graphbuild: error: the SPARQL server exited with status {status}")


@click.command("push")
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint, e.g. http://localhost:7878/store.")
@click.option("--graph", "graph_iri", metavar="IRI", help="Named graph to load into (default: the default graph).")
@click.option("--batch", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Triples per request.")
@click.option("--replace", is_flag=True, help="Replace the graph's content instead of adding to it.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              metavar="SECONDS", help="Time allowed for each request.")
def push_command(source: Path, endpoint: str, graph_iri: str | None, batch: int, replace: bool,
                 timeout: float) -> None:
    """Load SOURCE (a graph file or a store directory) into a triple store through the
    SPARQL 1.1 Graph Store HTTP Protocol, in batches of N-Triples."""
    from graphbuild.push import push

    report = push(source, endpoint, graph=graph_iri, batch=batch, replace=replace, timeout=timeout)
    click.echo(f"pushed {report.triples} triples in {report.batches} request"
               f"{'s' if report.batches != 1 else ''} to {report.url}", err=True)
