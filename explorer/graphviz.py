"""Draw a `Subgraph` with pyvis as one standalone, offline HTML page (vis-network inlined).

pyvis's own template links Bootstrap from a CDN whatever `cdn_resources` says, so the page is
rendered with the explorer's template (`explorer/templates/graph.html`), which inlines vis-network
from pyvis's bundled copy and adds a legend. Nothing is fetched when the page is viewed.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from pathlib import Path

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from explorer.i18n import Lang, kind_name, label_name, rel_name, t
from explorer.services.models import Subgraph
from jig.core.schema import Label

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_PYVIS_TEMPLATES = Path(pyvis.__file__).resolve().parent / "templates"

#: One colour per node label (colour-blind-safe palette, Okabe–Ito plus greys).
LABEL_COLOURS: dict[str, str] = {
    Label.INSTITUTION.value: "#0072B2",
    Label.PLATFORM.value: "#E69F00",
    Label.ALLIANCE.value: "#CC79A7",
    Label.INDUSTRY.value: "#009E73",
    Label.TECHNOLOGY.value: "#56B4E9",
    Label.PROGRAM.value: "#D55E00",
    Label.REGION.value: "#999999",
    Label.ZONE.value: "#F0E442",
    Label.TARGET.value: "#7F7F7F",
    Label.DOCUMENT.value: "#444444",
    Label.SENTENCE.value: "#BBBBBB",
}
#: Colours of the network's communities, by community number (cycled when there are more communities).
COMMUNITY_COLOURS: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442",
                                      "#882255", "#44AA99", "#117733", "#AA4499", "#DDCC77", "#332288", "#88CCEE")
NO_COMMUNITY = "#BBBBBB"
#: Relation types drawn dashed (signals rather than typed statements).
DASHED_TYPES = frozenset({"CO_MENTIONED", "SUBINDUSTRY_OF"})
_REMOTE = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _size(centrality: float, top: float) -> float:
    return 12 + 28 * math.sqrt(centrality / top) if top > 0 else 16


def community_colour(community: int | None) -> str:
    """The colour of a community (grey for a node in none)."""
    return NO_COMMUNITY if community is None else COMMUNITY_COLOURS[community % len(COMMUNITY_COLOURS)]


def render_html(graph: Subgraph, lang: Lang, *, height: int = 560, title: str = "",
                communities: Mapping[int, str] | None = None) -> str:
    """The graph as a standalone HTML page: colours and a legend per label, node size by centrality.

    With `communities` (community number → name), nodes are coloured by their community instead and
    the legend names the communities shown. Tooltips give both names, the label and kind (and the
    community); edges are labelled with their relation type.
    """
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    top = max((n.centrality for n in graph.nodes), default=0.0)
    for node in graph.nodes:
        shown = node.name_en if lang == "en" and node.name_en else node.name
        other = node.name if lang == "en" else node.name_en
        kind = f"{label_name(node.label, lang)} · {kind_name(node.label, node.kind, lang)}"
        community = _community_text(node.community, communities, lang) if communities is not None else ""
        tooltip = "\n".join(part for part in (shown, other, kind, community, node.id) if part)
        colour = community_colour(node.community) if communities is not None else LABEL_COLOURS.get(node.label)
        net.add_node(
            node.id,
            label=shown,
            title=tooltip,
            color=colour or "#888888",
            size=_size(node.centrality, top),
            borderWidth=4 if node.centre else 1,
            shape="star" if node.centre else "dot",
            font={"size": 16 if node.centre else 13},
        )
    for edge in graph.edges:
        name = rel_name(edge.type, lang)
        net.add_edge(
            edge.source,
            edge.target,
            title=f"{name} ({edge.type}) · {edge.weight:g}",
            label="" if edge.type == "CO_MENTIONED" else name,
            width=1 + min(edge.weight, 6) / 2,
            dashes=edge.type in DASHED_TYPES,
            color="#9a9a9a" if edge.type in DASHED_TYPES else "#555555",
            arrows="" if edge.type == "CO_MENTIONED" else "to",
            font={"size": 10, "align": "middle"},
        )
    net.set_options(_OPTIONS)
    net.templateEnv = Environment(
        loader=FileSystemLoader([str(_TEMPLATES), str(_PYVIS_TEMPLATES)]), autoescape=select_autoescape([])
    )
    net.path = "graph.html"
    page = net.generate_html()
    legend = _legend(graph, lang, communities)
    return page.replace("<!--LEGEND-->", legend).replace("<!--TITLE-->", html.escape(title))


def _community_text(community: int | None, names: Mapping[int, str], lang: Lang) -> str:
    if community is None:
        return t("network.no_community", lang)
    return t("network.community_named", lang, number=community, name=names.get(community, ""))


def _legend(graph: Subgraph, lang: Lang, communities: Mapping[int, str] | None) -> str:
    if communities is None:
        order = list(LABEL_COLOURS)
        labels = sorted({n.label for n in graph.nodes}, key=lambda name: order.index(name) if name in order else 99)
        items = [(LABEL_COLOURS.get(name, "#888888"), label_name(name, lang)) for name in labels]
    else:
        shown = {n.community for n in graph.nodes}
        numbers = sorted(c for c in shown if c is not None)
        items = [(community_colour(c), _community_text(c, communities, lang)) for c in numbers]
        items += [(NO_COMMUNITY, t("network.no_community", lang))] if None in shown else []
    return "".join(f'<span class="item"><span class="dot" style="background:{colour}"></span>{html.escape(text)}</span>'
                   for colour, text in items)


def remote_references(page: str) -> list[str]:
    """Script, style, image or frame tags in `page` that would load something over the network."""
    return _REMOTE.findall(page)


_OPTIONS = """
{
  "interaction": {"hover": true, "tooltipDelay": 120, "navigationButtons": false},
  "physics": {
    "solver": "forceAtlas2Based",
    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
    "stabilization": {"iterations": 150}
  },
  "edges": {"smooth": {"type": "dynamic"}}
}
"""
