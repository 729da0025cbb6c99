"""A read-only SPARQL 1.1 Protocol endpoint over a graph, run by Oxigraph's server
behind a guard that refuses federated queries.

:func:`serve` starts ``oxigraph serve-read-only`` (the ``oxigraph`` package's server)
on a store directory, or on a temporary store it first loads a graph file into, on an
internal loopback port, and puts a small guard (a threaded :mod:`http.server`) on the
public port. It returns a :class:`Server` once the endpoint answers.

Oxigraph provides the protocol: queries by GET (``/query?query=...``) and POST (form or
``application/sparql-query``), content negotiation (SPARQL results as JSON, XML, CSV,
TSV; graphs as Turtle, N-Triples, RDF/XML, JSON-LD ...). The guard, in front of it:

* parses every query with rdflib's SPARQL parser (:func:`check_query`) and refuses,
  with HTTP 400 and a message, a query that uses ``SERVICE`` (Oxigraph would send an
  HTTP request to any address the client names: server-side request forgery) or that
  does not parse; it forwards the query it checked, re-encoded, never the raw request,
  so Oxigraph cannot read anything else out of it;
* refuses updates and writes with HTTP 403 (``/update``, an ``update`` form field,
  the Graph Store's PUT/POST/DELETE), before Oxigraph, which is read-only anyway;
* forwards the answer as it streams, up to ``max_result_bytes``: past the limit the
  connection is cut before the end of the answer, so a client sees a broken transfer,
  never a short answer that looks complete.

``timeout`` becomes Oxigraph's ``--timeout-s`` (whole seconds): a query running longer
is cancelled. Oxigraph checks the deadline between evaluation steps, so some plans
(a sort or a single aggregate over a huge join) overrun it, and when results have
begun streaming the response keeps its 200 status and ends with Oxigraph's
"The SPARQL operation has been cancelled" instead of an error status.

Oxigraph evaluates ``FROM``/``FROM NAMED`` and the protocol's ``default-graph-uri``
against the graphs of its store; it fetches nothing for them, and ``LOAD`` is an update.

It binds to ``127.0.0.1`` unless told otherwise; binding to another address exposes
the graph to the network with no authentication. Oxigraph itself listens on loopback
only, whatever the public address.

    with serve("graph.ttl", port=7878) as server:
        print(server.query_url)      # http://127.0.0.1:7878/query
"""
from __future__ import annotations

import functools
import http.client
import os
import re
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graphbuild.errors import GraphbuildError, GraphFileError, QueryError

__all__ = [
    "DEFAULT_MAX_RESULT_BYTES",
    "LOOPBACK",
    "Server",
    "check_query",
    "free_port",
    "load_into_store",
    "oxigraph_executable",
    "serve",
]

LOOPBACK = "127.0.0.1"

#: Largest answer the endpoint sends (bytes); past it the transfer is cut.
DEFAULT_MAX_RESULT_BYTES = 256 * 1024 * 1024

#: Largest request body the guard reads (a query, form-encoded or not).
MAX_REQUEST_BYTES = 1024 * 1024


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


# ------------------------------------------------------------------ query check
# Strings, IRIs and comments, blanked before looking for the SERVICE keyword.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"' r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>" r"|#[^\n\r]*",
    re.DOTALL,
)
# The keyword, not a variable (?service), a prefixed or local name (service:x, ex:service,
# ex:my-service), a blank node (_:service) or a language tag (@service).
_SERVICE = re.compile(r"(?<![\w:?$@\-])service(?![\w:\-])", re.IGNORECASE)
_PARSE_LOCK = threading.Lock()


def check_query(text: str) -> None:
    """Raise :class:`QueryError` unless ``text`` is a SPARQL query the endpoint runs.

    Refused: text rdflib's SPARQL parser does not read as a query (updates included),
    and any query with a ``SERVICE`` clause, wherever it sits (in a subquery, an
    ``OPTIONAL``, a ``FILTER EXISTS``), spelt in any case or with ``\\u`` escapes.
    Two checks must both pass: the keyword does not occur outside strings, IRIs and
    comments, and the parse tree holds no ``ServiceGraphPattern`` (so a query another
    parser reads differently is refused rather than let through).

    >>> check_query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    >>> check_query("SELECT * WHERE { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    graphbuild.errors.QueryError: This endpoint does not run federated queries: SERVICE ... is refused.
    """
    problem = _check_cached(text) if len(text) <= 65536 else _check(text)
    if problem is not None:
        raise QueryError(problem)


@functools.lru_cache(maxsize=512)
def _check_cached(text: str) -> str | None:
    return _check(text)


def _check(text: str) -> str | None:
    """Why the endpoint refuses ``text``, or None."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery

    refusal = ("This endpoint does not run federated queries: SERVICE (a request from the "
               "server to another address) is refused.")
    try:
        bare = _OPAQUE.sub(" ", expandUnicodeEscapes(text))
    except Exception:  # noqa: BLE001 - a malformed escape: refuse, do not guess
        return "The query has a malformed \\u escape."
    if _SERVICE.search(bare):
        return refusal
    try:
        with _PARSE_LOCK:  # one parse at a time: pyparsing's caches are shared
            tree = parseQuery(text)
    except ParseException as err:
        detail = " ".join(str(err.msg).split())
        return (f"Not a SPARQL query (line {err.lineno}, column {err.col}): {detail}. "
                "This endpoint is read-only and runs SELECT, ASK, CONSTRUCT and DESCRIBE.")
    except Exception as err:  # noqa: BLE001 - rdflib's parser raises assorted types
        return f"Not a SPARQL query: {' '.join(str(err).split())[:300]}"
    if "ServiceGraphPattern" in _pattern_names(tree):
        return refusal
    return None


def _pattern_names(node: object) -> set[str]:
    """Names of every parse-tree node (rdflib ``CompValue``) under ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    names: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            names.add(item.name)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return names


# ------------------------------------------------------------------ the guard
# Headers that describe one connection, not the message: never forwarded.
_HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
    "trailer", "transfer-encoding", "upgrade", "content-length", "host", "server", "date",
})
_WRITE_METHODS = ("PUT", "POST", "DELETE", "PATCH")


class _Refusal(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class _GuardServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once; the default backlog is 5

    def __init__(self, host: str, port: int, *, max_result_bytes: int | None,
                 backend_timeout: float):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.backend_port = 0  # set once Oxigraph runs
        self.max_result_bytes = max_result_bytes
        self.backend_timeout = backend_timeout
        super().__init__((host, port), _GuardHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up (socket.getfqdn): not needed.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client or the backend broke a connection; socketserver would print it


class _GuardHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, chunked answers
    server_version = "graphbuild-serve"
    timeout = 120  # seconds a kept-alive client may stay idle
    server: _GuardServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # library code does not print

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def do_OPTIONS(self) -> None:
        self._handle("OPTIONS")

    # ---------------------------------------------------------------- routing
    def _handle(self, method: str) -> None:
        try:
            body = self._read_body()
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/query" and method != "OPTIONS":
                self._query(method, url, body)
            elif url.path.startswith("/update"):
                raise _Refusal(403, "This endpoint is read-only: updates are refused.")
            elif method in _WRITE_METHODS:
                raise _Refusal(403, "This endpoint is read-only: writes are refused.")
            else:  # the store's graphs (GET /store), the web page: reads
                self._forward(method, self.path, body, self._forwarded_headers())
        except _Refusal as refusal:
            self._refuse(refusal.status, refusal.message)
        except (ConnectionError, TimeoutError, http.client.HTTPException):
            self.close_connection = True  # the client or the backend went away

    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise _Refusal(411, "Send the request body with a Content-Length.")
        length = self.headers.get("Content-Length")
        if length is None:
            return None
        try:
            size = int(length)
        except ValueError:
            self.close_connection = True
            raise _Refusal(400, f"Bad Content-Length {length!r}.") from None
        if size > MAX_REQUEST_BYTES:
            self.close_connection = True
            raise _Refusal(413, f"The request is larger than {MAX_REQUEST_BYTES} bytes.")
        return self.rfile.read(size)

    def _query(self, method: str, url: urllib.parse.SplitResult, body: bytes | None) -> None:
        params = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        content_type = self.headers.get_content_type() if body is not None else ""
        if method in ("GET", "HEAD"):
            pass
        elif method == "POST":
            if content_type == "application/x-www-form-urlencoded":
                params += urllib.parse.parse_qsl((body or b"").decode("utf-8", "replace"),
                                                 keep_blank_values=True)
            elif content_type == "application/sparql-query":
                charset = self.headers.get_content_charset() or "utf-8"
                try:
                    params.append(("query", (body or b"").decode(charset)))
                except (LookupError, UnicodeDecodeError) as err:
                    raise _Refusal(400, f"Cannot decode the query as {charset}: {err}") from err
            elif content_type == "application/sparql-update":
                raise _Refusal(403, "This endpoint is read-only: updates are refused.")
            else:
                raise _Refusal(415, "Send a query as application/sparql-query or "
                                    "application/x-www-form-urlencoded.")
        else:
            raise _Refusal(405 if method not in _WRITE_METHODS else 403,
                           "Query with GET or POST; this endpoint is read-only.")
        if any(name == "update" for name, _ in params):
            raise _Refusal(403, "This endpoint is read-only: updates are refused.")
        queries = [value for name, value in params if name == "query"]
        if len(queries) != 1:
            raise _Refusal(400, "Give the query in one 'query' parameter "
                                f"(got {len(queries)}).")
        try:
            check_query(queries[0])
        except QueryError as err:
            raise _Refusal(400, str(err)) from err
        # Forward what was checked: the query alone in the body, the other protocol
        # parameters (default-graph-uri, named-graph-uri) re-encoded in the URL.
        rest = [(name, value) for name, value in params if name != "query"]
        path = "/query" + ("?" + urllib.parse.urlencode(rest) if rest else "")
        headers = self._forwarded_headers()
        headers["Content-Type"] = "application/sparql-query; charset=utf-8"
        self._forward("POST", path, queries[0].encode("utf-8"), headers,
                      head_only=method == "HEAD")

    def _forwarded_headers(self) -> dict[str, str]:
        headers = {}
        for name in ("Accept", "Content-Type", "Origin", "User-Agent"):
            value = self.headers.get(name)
            if value is not None:
                headers[name] = value
        return headers

    # ------------------------------------------------------------- forwarding
    def _forward(self, method: str, path: str, body: bytes | None, headers: dict[str, str],
                 *, head_only: bool = False) -> None:
        answer = self._backend_request(method, path, body, headers)
        whole = False
        try:
            whole = self._relay(answer, head_only=head_only or method == "HEAD")
        finally:
            if not whole or answer.will_close:
                self._close_backend()

    def _backend_request(self, method: str, path: str, body: bytes | None,
                         headers: dict[str, str]) -> http.client.HTTPResponse:
        """Send the request on this client's kept-alive connection to Oxigraph; once
        more on a new connection when Oxigraph had closed the old one."""
        for attempt in (1, 2):
            reused = self._backend is not None
            if self._backend is None:
                self._backend = http.client.HTTPConnection(
                    LOOPBACK, self.server.backend_port, timeout=self.server.backend_timeout)
            try:
                self._backend.request(method, path, body=body, headers=headers)
                return self._backend.getresponse()
            except (OSError, http.client.HTTPException) as err:
                self._close_backend()
                if not (reused and attempt == 1):
                    raise _Refusal(502, f"The SPARQL server did not answer: {err}") from err
        raise AssertionError("unreachable")

    def _close_backend(self) -> None:
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    def setup(self) -> None:
        super().setup()
        self._backend: http.client.HTTPConnection | None = None

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self._close_backend()

    def _relay(self, answer: http.client.HTTPResponse, *, head_only: bool) -> bool:
        """Send ``answer`` on to the client; return whether it was read to its end."""
        limit = self.server.max_result_bytes
        length = answer.getheader("Content-Length")
        known = int(length) if length is not None and length.isdigit() else None
        if limit is not None and known is not None and known > limit:
            answer.close()
            raise _Refusal(400, f"The answer ({known} bytes) is larger than this endpoint's "
                                f"limit of {limit} bytes; add LIMIT to the query.")
        chunked = known is None and not head_only and self.request_version == "HTTP/1.1"
        self.send_response(answer.status, answer.reason)
        for name, value in answer.getheaders():
            if name.lower() not in _HOP_BY_HOP:
                self.send_header(name, value)
        if known is not None:
            self.send_header("Content-Length", str(known))
        elif chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif not head_only:
            self.close_connection = True  # an HTTP/1.0 client: the end is the close
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if head_only:
            return False
        sent = 0
        while True:
            data = answer.read1(65536)
            if not data:
                break
            sent += len(data)
            if limit is not None and sent > limit:
                # Cut the transfer without its end: the client sees an error, never a
                # truncated answer that looks whole.
                self.close_connection = True
                self.wfile.flush()
                return False
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            else:
                self.wfile.write(data)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        return True

    def _refuse(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


# ------------------------------------------------------------------ the server
@dataclass
class Server:
    """A running endpoint: the guard on ``host:port`` and the ``oxigraph
    serve-read-only`` process behind it; stop both with :meth:`stop`."""

    process: subprocess.Popen
    host: str
    port: int
    location: Path
    backend_port: int = 0
    _guard: _GuardServer | None = field(default=None, repr=False)
    _guard_thread: threading.Thread | None = field(default=None, repr=False)
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

    @property
    def backend_url(self) -> str:
        """Oxigraph's own address (loopback): unguarded, for graphbuild's use only."""
        return f"http://{LOOPBACK}:{self.backend_port}"

    def running(self) -> bool:
        guard_up = self._guard_thread is not None and self._guard_thread.is_alive()
        return self.process.poll() is None and guard_up

    def wait(self) -> int:
        """Block until the server exits; return its exit status."""
        return self.process.wait()

    def stop(self, grace: float = 5.0) -> None:
        """Stop the guard and the server (SIGTERM, then SIGKILL after ``grace``
        seconds) and clean up."""
        if self._guard is not None:
            if self._guard_thread is not None and self._guard_thread.is_alive():
                self._guard.shutdown()
                self._guard_thread.join(grace)
            self._guard.server_close()
            self._guard = None
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
    max_result_bytes: int | None = DEFAULT_MAX_RESULT_BYTES,
    ready_within: float = 30.0,
) -> Server:
    """Serve ``source`` (a store directory or a graph file) read-only over SPARQL.

    ``timeout``: seconds a query may run (None: no limit). ``max_result_bytes``: the
    largest answer sent (None: no limit). Returns once the endpoint answers a query;
    raises :class:`GraphbuildError` when it cannot start (port taken, bad store), with
    the server's own message.
    """
    from graphbuild.store import is_store

    path = Path(source)
    # The public port first: taken, it fails now, before a store is loaded.
    guard = _listen(host, port, max_result_bytes=max_result_bytes,
                    backend_timeout=(timeout or 3600) + 30)
    scratch = None
    try:
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
            load_into_store(path, location)
    except BaseException:
        guard.server_close()
        if scratch is not None:
            scratch.cleanup()
        raise
    backend_port = free_port()
    command = [oxigraph_executable(), "serve-read-only", "--location", str(location),
               "--bind", f"{LOOPBACK}:{backend_port}"]
    if timeout is not None:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    log = tempfile.TemporaryFile(mode="w+", prefix="graphbuild-serve-log-")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
    server = Server(process, host, port, location, backend_port, guard, None, scratch, log)
    try:
        _wait_until_ready(server, server.backend_url, ready_within)
        guard.backend_port = backend_port
        server._guard_thread = threading.Thread(
            target=guard.serve_forever, kwargs={"poll_interval": 0.2},
            name=f"graphbuild-serve-{port}", daemon=True)
        server._guard_thread.start()
        _wait_until_ready(server, server.url, ready_within)
    except BaseException:
        server.stop()
        raise
    return server


def _listen(host: str, port: int, **options: object) -> _GuardServer:
    try:
        return _GuardServer(host, port, **options)
    except OSError as err:
        raise GraphbuildError(
            f"Cannot listen on {host}:{port}: {err.strerror or err}; choose another --port "
            "or --host."
        ) from err


def _check_store(path: Path) -> None:
    """Raise :class:`GraphFileError` now, not from the server, for a damaged store."""
    from graphbuild.store import Store

    Store.open(path, read_only=True, create=False).close()


def _wait_until_ready(server: Server, url: str, within: float) -> None:
    probe = url + "/query?" + urllib.parse.urlencode({"query": "ASK {}"})
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
