"""``graphbuild build``: cache, jobs, store (idempotent, incremental), Dask, errors."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.compare import assert_isomorphic
from graphbuild.export import read_graph
from graphbuild.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["build", *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def example_ttl(tmp_path_factory):
    out = tmp_path_factory.mktemp("plain") / "graph.ttl"
    run(EXAMPLES, "-o", out, "--no-cache", "--jobs", "1")
    return read_graph(out)


def test_cache_beside_output_and_second_build_from_it(tmp_path, example_ttl):
    out = tmp_path / "graph.ttl"
    first = run(EXAMPLES, "-o", out, "--jobs", "1")
    assert (tmp_path / ".graphbuild-cache" / "extractions.sqlite").is_file()
    assert "from the cache" not in first
    second = run(EXAMPLES, "-o", out, "--jobs", "1")
    assert "2 articles, 2 from the cache" in second
    assert_isomorphic(example_ttl, read_graph(out))


def test_two_jobs_same_graph(tmp_path, example_ttl):
    run(EXAMPLES, "-o", tmp_path / "g.ttl", "--jobs", "2", "--no-cache")
    assert_isomorphic(example_ttl, read_graph(tmp_path / "g.ttl"))
    assert not (tmp_path / ".graphbuild-cache").exists()


def test_store_is_idempotent_and_incremental(tmp_path, example_ttl):
    first = sorted(EXAMPLES.iterdir())[0]
    store = tmp_path / "store"
    out = run(first, "--store", store, "--no-cache", "--jobs", "1")
    assert "1 new articles" in out
    out = run(EXAMPLES, "--store", store, "--no-cache", "--jobs", "1", "-o", tmp_path / "all.ttl")
    assert "1 new articles (1 already in the store" in out
    with Store.open(store, read_only=True) as opened:
        count = opened.triple_count()
    out = run(EXAMPLES, "--store", store, "--no-cache", "--jobs", "1")
    assert "0 new articles (2 already in the store" in out and "0 triples added" in out
    with Store.open(store, read_only=True) as opened:
        assert opened.triple_count() == count
    # built in two steps, the store holds the graph of a one-shot build
    assert_isomorphic(example_ttl, read_graph(tmp_path / "all.ttl"))


def test_dask_engine_from_the_command_line(tmp_path, example_ttl):
    pytest.importorskip("distributed")
    run(EXAMPLES, "-o", tmp_path / "g.ttl", "--engine", "dask", "--jobs", "2", "--cache", tmp_path / "c")
    assert list((tmp_path / "c" / "parts").glob("part-*.jsonl"))
    assert_isomorphic(example_ttl, read_graph(tmp_path / "g.ttl"))


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--scheduler", "tcp://x:8786"])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_nothing_to_read_writes_nothing(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["build", str(tmp_path / "empty"), "-o", str(tmp_path / "g.ttl"),
                                       "--no-cache"])
    assert result.exit_code == 2 and "no article" in result.output
    assert not (tmp_path / "g.ttl").exists()
