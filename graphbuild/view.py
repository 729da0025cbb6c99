"""VISUALISE: an interactive HTML page of the actor network, drawn by pyvis/vis-network.

The only module of graphbuild that imports pyvis. The page works with no network at
all: vis-network's script and style are read from the pyvis package's own bundled
files and inlined, the page template is graphbuild's (``view_assets/page.html``;
pyvis' default one links Bootstrap and vis-network from CDNs), and a
Content-Security-Policy forbids every fetch.

Every piece of text from the graph (names, aliases, headlines, evidence sentences)
reaches the page either escaped with :func:`html.escape` (tooltips, which vis-network
shows as HTML) or through ``textContent`` (the details panel); the data travels as
JSON inside a ``<script type="application/json">`` with ``<``, ``>`` and ``&``
escaped, so no headline can close the script.
"""
from __future__ import annotations

import html
import json
import math
import os
from collections import Counter
from importlib.metadata import version as _version
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph

from graphbuild.analysis.io import atomic_write
from graphbuild.analysis.projection import to_multidigraph
from graphbuild.errors import GraphFileError
from graphbuild.vocab import ACTOR_TYPES, PREDICATES

__all__ = ["NODE_STYLES", "PREDICATE_STYLES", "build_html", "render_html", "vis_assets"]

ASSETS = Path(__file__).resolve().parent / "view_assets"
#: The vis-network bundled with pyvis that the page inlines.
VIS_VERSION = "9.1.2"

#: Colour and vis-network shape of each actor type.
NODE_STYLES: dict[str, dict[str, str]] = {
    "Official": {"color": "#4e79a7", "shape": "dot"},
    "Ministry": {"color": "#59a14f", "shape": "square"},
    "Country": {"color": "#e15759", "shape": "diamond"},
    "Group": {"color": "#f28e2b", "shape": "triangle"},
    "Actor": {"color": "#9c9c9c", "shape": "ellipse"},
}
#: Colour and legend label of each predicate.
PREDICATE_STYLES: dict[str, dict[str, str]] = {
    "speaksFor": {"color": "#8c8c8c", "label": "speaks for"},
    "accuses": {"color": "#d62728", "label": "accuses"},
    "cooperatesWith": {"color": "#2ca02c", "label": "cooperates with"},
}
#: Above this many actors physics runs until the layout is stable, then stops.
PHYSICS_LIMIT = 150
#: Evidence sentences listed in an edge's tooltip (the details panel lists all).
TOOLTIP_EVIDENCE = 5


def vis_assets() -> tuple[str, str]:
    """vis-network's minified script and its style sheet, from the installed pyvis.

    Raises :class:`~graphbuild.errors.GraphFileError` if the pyvis package lacks them.
    """
    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        style = (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise GraphFileError(
            f"Cannot read vis-network {VIS_VERSION} from the pyvis package at {lib}: {err}; "
            "reinstall pyvis==0.3.2."
        ) from err
    if "</script" in script.lower() or "</style" in style.lower():
        raise GraphFileError(f"vis-network in {lib} cannot be inlined: it contains a closing tag")
    return script, style


def _json_for_script(value) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _node_title(node: str, data: dict) -> str:
    lines = [f"<strong>{_e(data.get('label', node))}</strong>"]
    kind = _e(data.get("type", "Actor"))
    if data.get("qid"):
        kind += f" &middot; Wikidata {_e(data['qid'])}"
    if data.get("mentions"):
        kind += f" &middot; {int(data['mentions'])} mentions"
    lines.append(f'<div class="muted">{kind}</div>')
    if data.get("aliases"):
        lines.append(f"<div>also: {_e(', '.join(data['aliases']))}</div>")
    return "".join(lines)


def _edge_summary(MG: nx.MultiDiGraph, u: str, v: str, data: dict) -> str:
    verb = PREDICATE_STYLES[data["predicate"]]["label"]
    if data.get("polarity") == "negative":
        verb = f"does not {verb.replace('accuses', 'accuse').replace('cooperates', 'cooperate').replace('speaks', 'speak')}"
    return f"{MG.nodes[u].get('label', u)} {verb} {MG.nodes[v].get('label', v)}"


def _edge_title(summary: str, data: dict) -> str:
    support = int(data.get("support", 1))
    head = f"<strong>{_e(summary)}</strong>"
    when = ""
    if data.get("first"):
        when = _e(data["first"]) + (f" &ndash; {_e(data['last'])}" if data.get("last") != data["first"] else "")
    meta = f"{support} statement{'s' if support != 1 else ''}" + (f" &middot; {when}" if when else "")
    if data.get("lifted"):
        meta += " &middot; lifted from officials"
    items = []
    for item in data.get("evidence", [])[:TOOLTIP_EVIDENCE]:
        source = " &middot; ".join(_e(x) for x in (item.get("headline") or item.get("article"), item.get("date")) if x)
        items.append(f"<li>&ldquo;{_e(item.get('sentence') or '')}&rdquo;"
                     + (f' <span class="muted">({source})</span>' if source else "") + "</li>")
    more = len(data.get("evidence", [])) - TOOLTIP_EVIDENCE
    if more > 0:
        items.append(f'<li class="muted">and {more} more (click the relation)</li>')
    return head + f'<div class="muted">{meta}</div>' + (f"<ul>{''.join(items)}</ul>" if items else "")


def _network(MG: nx.MultiDiGraph, physics_limit: int) -> tuple[Network, bool]:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for node, data in sorted(MG.nodes(data=True)):
        style = NODE_STYLES.get(data.get("type", "Actor"), NODE_STYLES["Actor"])
        net.add_node(
            node,
            label=str(data.get("label", node)),
            shape=style["shape"],
            color=style["color"],
            size=round(10 + 4 * math.sqrt(max(int(data.get("mentions") or 0), 0)), 1),
            actorType=data.get("type", "Actor"),
            titleHtml=_node_title(node, data),
            aliases=list(data.get("aliases", [])),
            qid=data.get("qid"),
        )
    for index, (u, v, key, data) in enumerate(sorted(MG.edges(keys=True, data=True), key=lambda e: e[:3])):
        predicate = data["predicate"]
        summary = _edge_summary(MG, u, v, data)
        support = int(data.get("support", 1))
        dates = sorted({item["date"] for item in data.get("evidence", []) if item.get("date")})
        net.add_edge(
            u,
            v,
            id=f"e{index}",
            key=key,
            predicate=predicate,
            polarity=data.get("polarity", "positive"),
            lifted=bool(data.get("lifted")),
            support=support,
            color=PREDICATE_STYLES[predicate]["color"],
            dashes=[8, 6] if data.get("polarity") == "negative" else ([2, 5] if data.get("lifted") else False),
            width=round(1 + 2 * math.log2(support), 2) if support > 0 else 1,
            arrows={"to": {"enabled": predicate != "cooperatesWith", "scaleFactor": 0.6}},
            dates=dates,
            undated=not dates,
            first=data.get("first"),
            last=data.get("last"),
            summary=summary,
            titleHtml=_edge_title(summary, data),
            evidence=[
                {k: item.get(k) for k in ("sentence", "article", "headline", "date")}
                for item in data.get("evidence", [])
            ],
        )
    big = MG.number_of_nodes() > physics_limit
    net.set_options(json.dumps({
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 400 if big else 200, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "multiselect": True},
        "edges": {"smooth": {"type": "continuous"}, "selectionWidth": 2},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif"}, "borderWidth": 1},
        "layout": {"randomSeed": 7, "improvedLayout": MG.number_of_nodes() <= physics_limit},
    }))
    return net, big


def build_html(
    graph: Graph | nx.MultiDiGraph,
    *,
    negative: bool = False,
    lift: bool = False,
    title: str = "graphbuild: actors and relations",
    physics_limit: int = PHYSICS_LIMIT,
) -> str:
    """The interactive page for ``graph`` as a string (see :func:`render_html`).

    ``graph`` is an rdflib graph (projected with
    :func:`~graphbuild.analysis.projection.to_multidigraph` using ``negative`` and
    ``lift``) or a multigraph already projected.
    """
    if isinstance(graph, nx.MultiDiGraph):
        MG = graph
    else:
        MG = to_multidigraph(graph, lift=lift, include_negative=negative)
    net, freeze = _network(MG, physics_limit)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "freezeAfterStabilising": freeze,
    }
    types = Counter(d.get("type", "Actor") for _, d in MG.nodes(data=True))
    keys = Counter(d["predicate"] for *_, d in MG.edges(data=True) if d.get("polarity") != "negative")
    negatives = sum(1 for *_, d in MG.edges(data=True) if d.get("polarity") == "negative")
    dates = sorted(date for e in edges for date in e["dates"])
    script, style = vis_assets()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ASSETS)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    page = env.get_template("page.html").render(
        title=title,
        version=_version("graphbuild") if _installed() else "dev",
        pyvis_version=_version("pyvis"),
        vis_version=VIS_VERSION,
        vis_js=Markup(script),
        vis_css=Markup(style),
        page_css=Markup((ASSETS / "page.css").read_text(encoding="utf-8")),
        data_json=Markup(_json_for_script(data)),
        types=[
            {"name": t, "count": types.get(t, 0), **NODE_STYLES[t]}
            for t in (*ACTOR_TYPES, "Actor") if types.get(t) or t in ACTOR_TYPES
        ],
        predicates=[
            {"name": p, "count": keys.get(p, 0), **PREDICATE_STYLES[p]} for p in PREDICATES
        ],
        has_negative=negatives > 0,
        negative_count=negatives,
        has_lifted=any(e["lifted"] for e in edges),
        date_min=dates[0] if dates else "",
        date_max=dates[-1] if dates else "",
    )
    return page


def _installed() -> bool:
    try:
        _version("graphbuild")
    except Exception:
        return False
    return True


def render_html(
    graph: Graph | nx.MultiDiGraph,
    path: str | os.PathLike,
    *,
    negative: bool = False,
    lift: bool = False,
    title: str = "graphbuild: actors and relations",
    physics_limit: int = PHYSICS_LIMIT,
) -> Path:
    """Write an interactive page of the actor network of ``graph`` to ``path``.

    Nodes are coloured and shaped by type (legend on the left), edges coloured by
    predicate with width growing with support, dashed when the statements deny the
    relation (shown only with ``negative=True``) and dotted when lifted from
    officials (``lift=True``). Hovering shows names, aliases and evidence
    sentences with their articles; clicking lists all the evidence. The page
    filters by actor type, predicate and date range in the browser, and switches
    physics off once stable above ``physics_limit`` actors. It needs no network.
    The file is written atomically (temporary file, then :func:`os.replace`).

    Returns the path written.
    """
    page = build_html(graph, negative=negative, lift=lift, title=title, physics_limit=physics_limit)
    path = Path(path)
    atomic_write(path, page)
    return path
