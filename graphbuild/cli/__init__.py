"""The ``graphbuild`` command line: the only part of graphbuild that prints or exits.

Each command lives in a module of its own beside this one and is added to the group
below. Errors of :mod:`graphbuild.errors` become a one-line message on stderr and
exit status 2; no traceback reaches the user.
"""
from __future__ import annotations

import sys

import click

from graphbuild import __version__
from graphbuild.errors import GraphbuildError


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraphbuildError as err:
            click.echo(f"graphbuild: error: {err}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("graphbuild: interrupted", err=True)
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
def main() -> None:
    """Build, query, analyse and view knowledge graphs of news articles."""


def _register() -> None:
    from graphbuild.cli import build as _build

    main.add_command(_build.build)
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
