"""Helpers for the hostile-input tests: run the CLI, check its error line, guard outputs."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GRAPHS = ROOT / "tests" / "fixtures" / "graphs"
GRAPHBUILD = Path(sys.executable).parent / "graphbuild"

#: A sentence the pipeline reads a relation from (a statement in the graph).
ACCUSATION = ("Russian Foreign Minister Sergei Lavrov accused the United States of "
              "hypocrisy on Tuesday.")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def cli(*args: str, env: dict | None = None) -> Run:
    """``graphbuild ARGS`` in this process (the spaCy model stays loaded between runs)."""
    from graphbuild.cli import main

    env = {"GRAPHBUILD_DEBUG": None, **(env or {})}  # None: unset while it runs
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # an exception escaped the CLI group: a bug in itself
    return Run(result.exit_code, result.stdout, result.stderr)


def cli_process(*args: str, env: dict | None = None, timeout: float = 120) -> Run:
    """``graphbuild ARGS`` as a real process, as a user runs it."""
    full_env = {k: v for k, v in os.environ.items() if k != "GRAPHBUILD_DEBUG"}
    full_env.update(env or {})
    done = subprocess.run([str(GRAPHBUILD), *map(str, args)], capture_output=True, text=True,
                          env=full_env, timeout=timeout, check=False)
    return Run(done.returncode, done.stdout, done.stderr)


def error_line(run: Run) -> str:
    """The one error line of a failed run; fails when there is more, or a traceback."""
    assert run.code != 0, f"expected a failure; got exit 0 with {run.stderr!r}"
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("graphbuild: error: ")]
    assert len(errors) == 1, f"expected one error line; got {lines!r}"
    return errors[0].removeprefix("graphbuild: error: ")


class Guarded:
    """A previous output file whose bytes must survive a failed or killed run."""

    def __init__(self, path: Path, source: Path):
        shutil.copyfile(source, path)
        self.path = path
        self.data = path.read_bytes()
        self.mtime = path.stat().st_mtime_ns

    def assert_untouched(self) -> None:
        assert self.path.read_bytes() == self.data, f"{self.path} was changed"
        assert self.path.stat().st_mtime_ns == self.mtime, f"{self.path} was rewritten"
        leftovers = sorted(p.name for p in self.path.parent.glob(f".{self.path.name}.*"))
        assert not leftovers, f"temporary files left beside {self.path}: {leftovers}"


@pytest.fixture
def previous(tmp_path) -> Guarded:
    """``out/graph.ttl``: a good graph from an earlier build."""
    out = tmp_path / "out"
    out.mkdir()
    return Guarded(out / "graph.ttl", GRAPHS / "news.ttl")


@pytest.fixture
def article_dir(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder
