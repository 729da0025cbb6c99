"""The interactive page: self-contained, escaped, and drawn by a real headless Chromium.

The browser tests drive Debian's /usr/bin/chromium through the DevTools protocol over
``--remote-debugging-pipe`` (no websocket, no extra package) and record every
network request the page makes.
"""
from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from rdflib import Graph

from graphbuild import view
from graphbuild.analysis.projection import to_multidigraph

NEWS = Path(__file__).resolve().parent / "fixtures" / "graphs" / "news.ttl"
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def news_graph() -> Graph:
    return Graph().parse(NEWS, format="turtle")


def page_data(text: str) -> dict:
    match = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', text, re.S)
    assert match, "the page carries its data as JSON"
    return json.loads(match.group(1))


# --------------------------------------------------------------- the page as text


def test_page_needs_no_network(news_graph, tmp_path):
    path = view.render_html(news_graph, tmp_path / "graph.html", negative=True, lift=True)
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", text, re.I)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    # Every http(s) URL left once the inlined vis-network is taken out is data: an
    # IRI of the graph or an article URL, never something the page loads.
    script, style = view.vis_assets()
    assert script in text and style in text
    rest = text.replace(script, "").replace(style, "")
    data_text = json.dumps(page_data(text))
    urls = set(re.findall(r"https?://[^\s\"'<>\\]+", rest))
    assert urls and all(url in data_text for url in urls), sorted(urls)
    assert all(u.startswith(("https://w3id.org/graphbuild/", "http://www.wikidata.org/")) for u in urls)


def test_hostile_text_is_never_markup(news_graph):
    text = view.build_html(news_graph, negative=True)
    for hostile in HOSTILE:
        assert hostile not in text
    data = page_data(text)
    # the data holds the text as it was, the tooltips hold it escaped
    sentences = [e["sentence"] for edge in data["edges"] for e in edge["evidence"]]
    assert any("<img src=x onerror=alert(1)>" in s for s in sentences)
    tips = " ".join(edge["titleHtml"] for edge in data["edges"])
    assert "&lt;img src=x onerror=alert(1)&gt;" in tips and "<img" not in tips
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in tips and "<script" not in tips


def test_styles_and_physics(news_graph):
    data = page_data(view.build_html(news_graph, negative=True, lift=True))
    assert len(data["nodes"]) == 11 and len(data["edges"]) == 14
    shapes = {n["actorType"]: n["shape"] for n in data["nodes"]}
    assert shapes == {t: s["shape"] for t, s in view.NODE_STYLES.items() if t != "Actor"}
    denied = [e for e in data["edges"] if e["polarity"] == "negative"]
    assert len(denied) == 1 and denied[0]["dashes"]
    strongest = max(data["edges"], key=lambda e: e["support"])
    assert strongest["support"] == 3 and strongest["width"] > min(e["width"] for e in data["edges"])
    assert {e["color"] for e in data["edges"] if e["predicate"] == "accuses"} == {"#d62728"}
    assert data["freezeAfterStabilising"] is False
    assert page_data(view.build_html(news_graph, physics_limit=5))["freezeAfterStabilising"] is True
    plain = page_data(view.build_html(news_graph))
    assert len(plain["edges"]) == 11 and not any(e["polarity"] == "negative" for e in plain["edges"])


def test_write_is_atomic(news_graph, tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old page")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(view, "build_html", broken)
    with pytest.raises(RuntimeError):
        view.render_html(news_graph, target)
    assert target.read_text() == "old page"
    monkeypatch.undo()
    view.render_html(to_multidigraph(news_graph), target)
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert os.listdir(tmp_path) == ["graph.html"]


def test_view_command(tmp_path):
    from click.testing import CliRunner

    from graphbuild.cli import main

    out = tmp_path / "g.html"
    result = CliRunner().invoke(main, ["view", str(NEWS), "-o", str(out), "--negative"])
    assert result.exit_code == 0, result.output
    assert len(page_data(out.read_text(encoding="utf-8"))["edges"]) == 12


# --------------------------------------------------------------- the page in a browser


class _Chromium:
    """A headless Chromium spoken to over the DevTools pipe (fd 3 in, fd 4 out)."""

    def __init__(self, profile: str):
        to_browser_r, self._w = os.pipe()
        self._r, from_browser_w = os.pipe()

        def wire():
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--window-size=1280,800"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer")
            ready, _, _ = select.select([self._r], [], [], left)
            if ready:
                chunk = os.read(self._r, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except (OSError, EOFError, TimeoutError, RuntimeError):
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)
        os.close(self._r)


@pytest.fixture(scope="module")
def browser_page(news_graph, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: install Debian's chromium (apt-get install -y chromium)")
    folder = tmp_path_factory.mktemp("view")
    page = view.render_html(news_graph, folder / "graph.html", negative=True, lift=True)
    profile = tempfile.mkdtemp(prefix="graphbuild-chromium-")
    browser = _Chromium(profile)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})
        session = browser.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})[
            "sessionId"]
        for domain in ("Network", "Page", "Runtime"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Page.addScriptToEvaluateOnNewDocument", {
            "source": "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"
        }, session=session)
        browser.send("Page.navigate", {"url": page.as_uri()}, session=session)

        def evaluate(expression: str):
            result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                  session=session)
            if "exceptionDetails" in result:
                raise AssertionError(result["exceptionDetails"])
            return result["result"].get("value")

        deadline = time.monotonic() + 20
        while evaluate("document.body && document.body.dataset.drawn") != "true":
            assert time.monotonic() < deadline, "vis-network never drew the graph"
            time.sleep(0.1)
        yield browser, evaluate, page_data(page.read_text(encoding="utf-8"))
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)


def test_browser_draws_every_node(browser_page):
    _browser, evaluate, data = browser_page
    dataset = evaluate("Object.assign({}, document.body.dataset)")
    assert dataset["nodes"] == dataset["totalNodes"] == str(len(data["nodes"])) == "11"
    assert dataset["edges"] == str(len(data["edges"])) == "14"
    assert evaluate("document.getElementById('graph-status').textContent") == (
        "11 of 11 actors, 14 of 14 relations shown")
    assert evaluate("window.graphbuildNetwork.body.data.nodes.length") == 11
    # the canvas holds a drawing, not a blank rectangle
    coloured = evaluate("""(() => {
        const c = document.querySelector('#graph canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && !(px[i] > 240 && px[i + 1] > 240 && px[i + 2] > 240)) n++;
        return n; })()""")
    assert coloured > 2000


def test_browser_makes_no_request_off_the_machine(browser_page):
    browser, evaluate, _data = browser_page
    evaluate("1")  # flush events
    urls = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    assert urls, "the page load itself is recorded"
    assert all(url.startswith(("file://", "data:")) for url in urls), urls
    assert not [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]


def test_browser_shows_hostile_text_as_text(browser_page):
    browser, evaluate, data = browser_page
    denied = next(i for i, e in enumerate(data["edges"]) if e["polarity"] == "negative")
    psaki = next(e["id"] for e in data["edges"] if e["summary"] == "Jen Psaki accuses Russia")
    evaluate(f"window.graphbuildShowEdge({json.dumps(data['edges'][denied]['id'])})")
    details = evaluate("document.getElementById('details').textContent")
    assert "Moscow refused to cooperate with NATO <img src=x onerror=alert(1)> on the matter." in details
    evaluate(f"window.graphbuildShowEdge({json.dumps(psaki)})")
    details = evaluate("document.getElementById('details').textContent")
    assert "<script>alert(1)</script> Washington and Moscow trade blame" in details
    assert "arming the separatists <script>alert(1)</script>." in details
    assert evaluate("document.querySelectorAll('img, #details script').length") == 0
    assert evaluate("window.__alerts") == []
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]


def test_browser_filters(browser_page):
    _browser, evaluate, data = browser_page

    def toggle(selector: str) -> None:
        evaluate(f"(() => {{ const b = document.querySelector({json.dumps(selector)}); b.checked = !b.checked;"
                 " b.dispatchEvent(new Event('change')); })()")

    toggle(".filter-predicate[value=accuses]")
    expected = sum(1 for e in data["edges"] if e["predicate"] != "accuses")
    assert evaluate("document.body.dataset.edges") == str(expected)
    toggle(".filter-predicate[value=accuses]")
    toggle(".filter-type[value=Official]")
    assert evaluate("document.body.dataset.nodes") == "8"
    toggle(".filter-type[value=Official]")
    evaluate("(() => { const d = document.getElementById('date-from'); d.value = '2015-01-01';"
             " d.dispatchEvent(new Event('change')); })()")
    in_2015 = sum(1 for e in data["edges"] if e["undated"] or any(d >= "2015-01-01" for d in e["dates"]))
    assert evaluate("document.body.dataset.edges") == str(in_2015) != str(len(data["edges"]))
    toggle("#filter-isolated")
    shown = evaluate("Number(document.body.dataset.nodes)")
    assert 0 < shown < 11
