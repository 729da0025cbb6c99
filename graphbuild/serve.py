"""A read-only SPARQL 1.1 Protocol endpoint over a graph, run by Oxigraph's server.

:func:`serve` starts ``oxigraph serve-read-only`` (the ``oxigraph`` package's server)
on a store directory, or on a temporary store it first loads a graph file into, and
returns a :class:`Server` once the endpoint answers. Oxigraph provides the protocol:
queries by GET (``/query?query=...``) and POST (form or ``application/sparql-query``),
content negotiation (SPARQL results as JSON, XML, CSV, TSV; graphs as Turtle,
N-Triples, RDF/XML, JSON-LD ...). Updates are refused (the server is read-only:
``/update`` and the Graph Store's write methods answer with an error status).
``timeout`` becomes Oxigraph's ``--timeout-s`` (whole seconds): a query running longer
is cancelled. Oxigraph checks the deadline between evaluation steps, so some plans
(a sort or a single aggregate over a huge join) overrun it, and when results have
begun streaming the response keeps its 200 status and ends with Oxigraph's
"The SPARQL operation has been cancelled" instead of an error status.

It binds to ``127.0.0.1`` unless told otherwise; binding to another address exposes
the graph to the network with no authentication.

    with serve("graph.ttl", port=7878) as server:
        print(server.query_url)      # http://127.0.0.1:7878/query
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.errors import GraphbuildError, GraphFileError

__all__ = ["Server", "free_port", "load_into_store", "oxigraph_executable", "serve"]

LOOPBACK = "127.0.0.1"


def oxigraph_executable() -> str:
    """The ``oxigraph`` server program: beside this Python, else on ``PATH``."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise GraphbuildError(
            "The oxigraph server is not installed; pip install oxigraph (it provides the "
            "'oxigraph' command graphbuild serve runs)."
        )
    return found


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def load_into_store(graph_file: str | Path, location: str | Path) -> None:
    """Load an RDF file into the Oxigraph store at ``location`` with ``oxigraph load``.

    Formats Oxigraph cannot read (by extension) are parsed by rdflib and passed on
    as N-Triples.
    """
    from graphbuild.query import oxigraph_format, parse_graph_file

    path = Path(graph_file)
    if not path.is_file():
        raise GraphFileError(f"{path} does not exist; give a graph file or a store directory.")
    with tempfile.TemporaryDirectory(prefix="graphbuild-load-") as scratch:
        if oxigraph_format(path) is None:
            converted = Path(scratch) / "graph.nt"
            parse_graph_file(path).serialize(destination=str(converted), format="nt")
            path = converted
        done = subprocess.run(
            [oxigraph_executable(), "load", "--location", str(location), "--file", str(path)],
            capture_output=True, text=True, check=False,
        )
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).split())
        raise GraphFileError(f"Cannot load {graph_file} into a store: {detail}")


@dataclass
class Server:
    """A running ``oxigraph serve-read-only`` process; stop it with :meth:`stop`."""

    process: subprocess.Popen
    host: str
    port: int
    location: Path
    _scratch: tempfile.TemporaryDirectory | None = field(default=None, repr=False)
    _log: object = field(default=None, repr=False)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return self.url + "/query"

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self) -> int:
        """Block until the server exits; return its exit status."""
        return self.process.wait()

    def stop(self, grace: float = 5.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``grace`` seconds) and clean up."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    source: str | Path,
    *,
    host: str = LOOPBACK,
    port: int = 7878,
    timeout: float | None = None,
    ready_within: float = 30.0,
) -> Server:
    """Serve ``source`` (a store directory or a graph file) read-only over SPARQL.

    Returns once the endpoint answers a query; raises :class:`GraphbuildError` when
    the server cannot start (port taken, bad store), with the server's own message.
    """
    from graphbuild.store import is_store

    path = Path(source)
    _check_port(host, port)
    scratch = None
    if path.is_dir():
        if not is_store(path):
            raise GraphFileError(
                f"{path} is not a graphbuild store; give a store directory or a graph file."
            )
        _check_store(path)
        location = path
    else:
        scratch = tempfile.TemporaryDirectory(prefix="graphbuild-serve-")
        location = Path(scratch.name) / "store"
        try:
            load_into_store(path, location)
        except BaseException:
            scratch.cleanup()
            raise
    command = [oxigraph_executable(), "serve-read-only", "--location", str(location),
               "--bind", f"{host}:{port}"]
    if timeout is not None:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    log = tempfile.TemporaryFile(mode="w+", prefix="graphbuild-serve-log-")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    server = Server(process, host, port, location, scratch, log)
    try:
        _wait_until_ready(server, ready_within)
    except BaseException:
        server.stop()
        raise
    return server


def _check_store(path: Path) -> None:
    """Raise :class:`GraphFileError` now, not from the server, for a damaged store."""
    from graphbuild.store import Store

    Store.open(path, read_only=True, create=False).close()


def _check_port(host: str, port: int) -> None:
    # Checked first: the readiness probe would take another server's answer for ours.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as err:
            raise GraphbuildError(
                f"Cannot listen on {host}:{port}: {err.strerror or err}; choose another --port "
                "or --host."
            ) from err


def _wait_until_ready(server: Server, within: float) -> None:
    probe = server.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + within
    while True:
        if server.process.poll() is not None:
            server._log.seek(0)
            # Oxigraph appends a Rust backtrace to its error: keep the message only.
            log = server._log.read().split("Stack backtrace:")[0]
            detail = " ".join(log.split())[-500:]
            raise GraphbuildError(
                f"The SPARQL server on {server.host}:{server.port} stopped at once: "
                f"{detail or 'no message'}"
            )
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        if time.monotonic() > deadline:
            raise GraphbuildError(
                f"The SPARQL server on {server.host}:{server.port} did not answer within "
                f"{within:.0f} s."
            )
        time.sleep(0.05)
