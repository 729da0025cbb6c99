"""Nothing half-written: ``graphbuild build`` killed with SIGKILL at several moments,
over an existing good graph (and store, where the build has ``--store``), leaves the
previous outputs intact and usable, and the next build completes."""
from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from .conftest import EXAMPLES, GRAPHBUILD, cli_process

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

COUNTRIES = ["Ukraine", "the United States", "France", "Germany", "Syria", "Turkey", "Iran",
             "China", "Poland", "Japan"]
SENTENCES = [
    "Russian Foreign Minister Sergei Lavrov accused {a} of hypocrisy over the talks on {day}.",
    "The Russian Foreign Ministry said {a} must cooperate with {b} against terrorism.",
    "{A} denied the accusations and accused {b} of shelling civilians near the border.",
    "Deputy Foreign Minister Gennady Gatilov said Moscow would cooperate with {b}.",
    "Officials in {b} rejected the claims, saying {a} had broken the ceasefire again.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Runs the CLI with os.replace held once it is about to put the output in place: the
# temporary file is written and synced, the rename not done. The test kills it there.
HOLD_BEFORE_RENAME = """
import os, sys, time
target, marker = os.path.abspath(sys.argv[1]), sys.argv[2]
real_replace = os.replace
def replace(src, dst, *args, **kwargs):
    if os.path.abspath(dst) == target:
        open(marker, "w").close()
        time.sleep(120)
    return real_replace(src, dst, *args, **kwargs)
os.replace = replace
from graphbuild.cli import main
main(sys.argv[3:], prog_name="graphbuild")
"""


def make_corpus(folder: Path, n: int) -> None:
    """``examples/`` plus ``n`` generated articles of five sentences each."""
    folder.mkdir()
    for example in EXAMPLES.iterdir():
        shutil.copy(example, folder / example.name)
    for i in range(n):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(3 * i + 1) % len(COUNTRIES)]
        if a == b:
            b = "Russia"
        text = " ".join(s.format(a=a, b=b, A=a[0].upper() + a[1:], day=DAYS[(i + k) % 5])
                        for k, s in enumerate(SENTENCES))
        (folder / f"wire-2015-03-{i % 28 + 1:02d}-{i:03d}.txt").write_text(
            f"Talks number {i}\n\n{text}\n", encoding="utf-8")


def build_has_store() -> bool:
    done = subprocess.run([str(GRAPHBUILD), "build", "--help"], capture_output=True, text=True, check=True)
    return "--store" in done.stdout


def store_triples(location: Path) -> int:
    from graphbuild.store import Store

    with Store.open(location, read_only=True) as store:
        return store.triple_count()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A corpus, and a good graph (and store) built from the two examples alone."""
    root = tmp_path_factory.mktemp("sigkill")
    corpus = root / "corpus"
    make_corpus(corpus, 24)
    out = root / "out"
    out.mkdir()
    store_args = ["--store", str(out / "graph.store")] if build_has_store() else []
    run = cli_process("build", EXAMPLES, "-o", out / "graph.ttl", "-q", *store_args)
    assert run.code == 0, run.stderr
    return root, corpus, out, store_args


def snapshot(out: Path, store_args: list[str]) -> dict:
    state = {"graph": (out / "graph.ttl").read_bytes()}
    if store_args:
        state["store"] = store_triples(out / "graph.store")
    return state


def assert_intact(out: Path, store_args: list[str], before: dict) -> None:
    data = (out / "graph.ttl").read_bytes()
    assert data == before["graph"], "the previous graph was changed by a killed build"
    graph = Graph().parse(data=data, format="turtle")
    assert isomorphic(graph, Graph().parse(data=before["graph"], format="turtle"))
    if store_args:
        # A killed build may have added whole articles (one transaction each), never part
        # of one; the store opens and answers.
        assert store_triples(out / "graph.store") >= before["store"]


def kill_after(args: list[str], seconds: float, cwd: Path) -> int:
    process = subprocess.Popen([str(GRAPHBUILD), *args], cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    still_running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert still_running, f"the build ended before {seconds} s; give it a larger input"
    return process.returncode


@pytest.mark.parametrize("seconds", [0.5, 1.5, 3.0])
def test_kill_during_build_leaves_previous_outputs(workspace, seconds):
    root, corpus, out, store_args = workspace
    before = snapshot(out, store_args)
    code = kill_after(["build", str(corpus), "-o", str(out / "graph.ttl"), "-q", *store_args],
                      seconds, root)
    assert code == -signal.SIGKILL
    assert_intact(out, store_args, before)


def test_kill_during_final_write_then_next_build_completes(workspace):
    root, corpus, out, store_args = workspace
    before = snapshot(out, store_args)
    marker = root / "holding"
    args = ["build", str(corpus), "-o", str(out / "graph.ttl"), "-q", *store_args]
    process = subprocess.Popen([sys.executable, "-c", HOLD_BEFORE_RENAME, str(out / "graph.ttl"),
                                str(marker), *args], cwd=root, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert process.poll() is None, f"the build stopped early: {process.stderr.read()}"
        assert time.monotonic() < deadline, "the build never reached its final write"
        time.sleep(0.05)
    temporaries = list(out.glob(".graph.ttl.*"))
    assert len(temporaries) == 1, "the graph is not written through a temporary file"
    assert temporaries[0].stat().st_size > len(before["graph"])  # the new graph, in full
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    assert_intact(out, store_args, before)

    # The next build runs to the end over what the killed one left behind.
    run = cli_process("build", corpus, "-o", out / "graph.ttl", *store_args, timeout=300)
    assert run.code == 0, run.stderr
    if store_args:
        # the killed build may have committed articles to the store: they are not read again
        found = re.search(r"(\d+) new articles \((\d+) already in the store", run.stderr)
        assert found and int(found[1]) + int(found[2]) == 26, run.stderr
    else:
        assert "26 articles" in run.stderr, run.stderr
    graph = Graph().parse(out / "graph.ttl")
    assert len(graph) > len(Graph().parse(data=before["graph"], format="turtle"))
    assert not list(out.glob(".graph.ttl.*")), "the killed build's temporary file lingers"
    if store_args:
        assert store_triples(out / "graph.store") >= len(graph)


def test_working_stores_of_killed_builds_are_removed(tmp_path):
    """A build killed while writing leaves its working store; the next build removes it
    (the process that made it is gone) and leaves a live process's alone."""
    import os
    import subprocess
    import sys

    from graphbuild.build import _remove_stale_stores

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".graphbuild-store-{dead.stdout.strip()}-abcd"
    live = tmp_path / f".graphbuild-store-{os.getpid()}-efgh"
    for folder in (stale, live):
        (folder / "store").mkdir(parents=True)
    _remove_stale_stores(tmp_path)
    assert not stale.exists()
    assert live.exists()
