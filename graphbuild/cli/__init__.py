"""The ``graphbuild`` command line: the only part of graphbuild that prints or exits.

Each command lives in a module of its own beside this one and is added to the group
below. Errors of :mod:`graphbuild.errors` become a one-line message on stderr and
exit status 2 (a SHACL report keeps its lines); any other exception is a bug and
becomes a one-line "internal error" message asking for a report, exit status 70. No
traceback reaches the user unless asked for with ``graphbuild --debug`` or
``GRAPHBUILD_DEBUG=1``.
"""
from __future__ import annotations

import logging
import os
import sys
import traceback

import click

from graphbuild import __version__
from graphbuild.errors import GraphbuildError, OntologyError

#: Exit status of an unexpected exception (BSD sysexits EX_SOFTWARE).
EXIT_INTERNAL = 70


def _debug_wanted(ctx: click.Context) -> bool:
    if ctx.params.get("debug"):
        return True
    return os.environ.get("GRAPHBUILD_DEBUG", "").strip().lower() not in ("", "0", "false", "no")


def _one_line(text: str) -> str:
    # Parser messages (rdflib, Oxigraph) span lines; the user gets one.
    return " ".join(text.split())


class _Group(click.Group):
    def invoke(self, ctx):
        debug = _debug_wanted(ctx)
        rdflib_logger = logging.getLogger("rdflib")
        level = rdflib_logger.level
        if not debug:
            # rdflib logs a warning per odd IRI while parsing a bad file: the error says it.
            rdflib_logger.setLevel(logging.ERROR)
        try:
            return self._invoke(ctx, debug)
        finally:
            rdflib_logger.setLevel(level)

    def _invoke(self, ctx, debug: bool):
        try:
            return super().invoke(ctx)
        except GraphbuildError as err:
            if debug:
                traceback.print_exc()
            message = str(err) if isinstance(err, OntologyError) else _one_line(str(err))
            click.echo(f"graphbuild: error: {message}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("graphbuild: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            # `graphbuild query ... | head`: the reader left; nothing to report. Point
            # stdout at /dev/null so the flush at exit does not fail again.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):  # no real stdout (tests)
                pass
            sys.exit(1)
        except Exception as err:  # noqa: BLE001 - the last line of defence
            if debug:
                traceback.print_exc()
            detail = _one_line(str(err))[:300]
            click.echo(f"graphbuild: internal error: {type(err).__name__}"
                       + (f": {detail}" if detail else "")
                       + ". This is a bug in graphbuild; please report it with the command"
                       + (" and the traceback above." if debug
                          else " and the traceback that graphbuild --debug prints."), err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
@click.option("--debug", is_flag=True, envvar="GRAPHBUILD_DEBUG",
              help="Show the traceback of an error (also GRAPHBUILD_DEBUG=1).")
def main(debug: bool) -> None:
    """Build, query, analyse and view knowledge graphs of news articles."""


def _register() -> None:
    from graphbuild.cli import build as _build

    main.add_command(_build.build)
    from graphbuild.cli import actors as _actors

    main.add_command(_actors.actors_command)
    from graphbuild.cli import evaluate as _evaluate

    main.add_command(_evaluate.evaluate_command)
    from graphbuild.cli import analyse as _analyse

    main.add_command(_analyse.analyse_command)
    from graphbuild.cli import view as _view

    main.add_command(_view.view_command)
    main.add_command(_view.network_command)
    from graphbuild.cli import query as _query

    main.add_command(_query.query_command)
    from graphbuild.cli import store as _store

    main.add_command(_store.export_command)
    main.add_command(_store.serve_command)
    main.add_command(_store.push_command)


_register()
