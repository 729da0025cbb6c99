"""The unknown-actor report."""
from __future__ import annotations

from click.testing import CliRunner

from graphbuild.actors import unknown_actors
from graphbuild.cli import main
from graphbuild.export import write_graph


def test_unknown_actors_of_the_example_graph(example_graph):
    rows = unknown_actors(example_graph)
    labels = [u.label for u in rows]
    # officials the gazetteer does not know take part in statements
    assert "Gennady Gatilov" in labels
    # countries and groups the gazetteer knows are never listed
    assert "Russia" not in labels and "United States" not in labels
    counts = [u.statements for u in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(u.example for u in rows)


def test_cli_lists_unknown_actors_as_csv(example_graph, tmp_path):
    path = tmp_path / "g.ttl"
    write_graph(example_graph, path)
    result = CliRunner().invoke(main, ["actors", str(path), "--unknown", "--csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("label,type,statements")
    assert any("Gatilov" in line for line in lines[1:])
