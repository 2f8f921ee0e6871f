"""The page's HTML around the graph: node styles, vis-network's options, the legend and the
template in ``data/page/`` with vis-network inlined (see `govgraph.viz`)."""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from .build.counts import summary_line
from .errors import GovgraphError
from .layout import FONT_PX
from .model import OTHER_RELATION_COLOUR, RELATION, RELATIONS
from .pagemap import frame

PAGE_DIR = Path(__file__).parent / "data" / "page"
VIS_JS = Path("templates") / "lib" / "vis-9.1.2" / "vis-network.min.js"  # inside pyvis

# The canvas draws labels with this stack too; WenQuanYi is what Debian/CI has.
FONT_FACE = (
    '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
)
NODE_FONT = "#1f2328"
EDGE_FONT = "#5c636a"

# class -> (Chinese name, vis shape). Shape tells the class, colour tells the kind.
CLASSES: dict[str, tuple[str, str]] = {
    "institution": ("机构", "dot"),
    "region": ("地区", "square"),
    "mechanism": ("机制", "diamond"),
    "outcome": ("成果", "triangle"),
    "other": ("其他", "ellipse"),
}

# class -> kind -> (Chinese name, colour). Regions go dark→light from province to village.
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "institution": {
        "court": ("法院", "#1c7ed6"),
        "procuratorate": ("检察院", "#7048e8"),
        "public_security": ("公安", "#364fc7"),
        "justice": ("司法行政", "#1098ad"),
        "party": ("党委", "#e03131"),
        "government": ("政府", "#c2255c"),
        "people_congress": ("人大", "#862e9c"),
        "social_organization": ("社会组织", "#0ca678"),
        "education": ("教育机构", "#4dabf7"),
        "other": ("其他机构", "#868e96"),
    },
    "region": {
        "province": ("省级", "#2b8a3e"),
        "prefecture": ("地市级", "#40c057"),
        "county": ("县级", "#8ce99a"),
        "township": ("乡镇级", "#c0eb75"),
        "village": ("村级", "#e9fac8"),
    },
    "mechanism": {
        "curated": ("既定机制", "#e8590c"),
        "discovered": ("新发现机制", "#ffc078"),
    },
    "outcome": {
        "CNY": ("金额（元）", "#b08900"),
        "case": ("案件数", "#d6336c"),
        "percent": ("百分比", "#f06595"),
        "person": ("人数", "#9c36b5"),
        "person_time": ("人次", "#cc5de8"),
        "day": ("天数", "#5f3dc4"),
        "hour": ("小时", "#91a7ff"),
        "item": ("件/项", "#e599f7"),
        "other": ("其他成果", "#ced4da"),
    },
    "other": {"other": ("未分类", "#adb5bd")},
}

# relation -> (Chinese label used when an edge has none, colour)
LARGE_PAGE = 300  # above this many nodes: cheaper layout and drawing
MAX_EVIDENCE = 5  # per node, to keep big pages small; the tooltip says how many more
MAX_LABEL = 16  # canvas label length; the tooltip has the full name
LABEL_MIN_PX = 9  # vis-network draws a label only when its font is at least this big on screen
TOP_LABELS = 30  # the best connected nodes, labelled at every zoom


@cache  # a handful of colours, asked for once per node
def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def node_style(cls: str, kind: str) -> dict:
    colour = KINDS[cls].get(kind, KINDS[cls].get("other", ("", "#adb5bd")))[1]
    mark = {"background": colour, "border": "#d9480f"}
    return {
        "shape": CLASSES[cls][1],
        "color": {
            "background": colour,
            "border": _darker(colour),
            "highlight": mark,
            "hover": mark,
        },
    }


def short_label(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def strings(values) -> list[str]:
    if isinstance(values, str):
        values = [values]
    return [str(v) for v in (values or []) if v is not None and str(v) != ""]


def _vis_options(n_nodes: int) -> dict:
    large = n_nodes > LARGE_PAGE
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1,
            "font": {"face": FONT_FACE, "size": FONT_PX, "color": NODE_FONT},
            # Labels smaller than this on screen are not drawn (page.js labels the best
            # connected nodes itself at that zoom); every label shows once zoomed in.
            "scaling": {"label": {"drawThreshold": LABEL_MIN_PX}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "face": FONT_FACE,
                "size": 11,
                "color": EDGE_FONT,
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            # Curved edges cost drawing time on big pages; parallel edges curve anyway.
            "smooth": {"enabled": not large, "type": "continuous", "roundness": 0.3},
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        # Every node has its place from the build (`govgraph.layout`): no physics at all, so
        # the page is drawn at once and looks the same on every load.
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
    }


# --- the page ---------------------------------------------------------------------------


def _script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element.

    ``<`` is written as ``\\u003c`` (which covers ``</script>`` and ``<!--``), ``>`` and ``&``
    likewise, and U+2028/2029 are escaped for old JavaScript parsers. JSON only has these
    characters inside strings, where the escapes mean the same text.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _legend(nodes: list[dict], edges: list[dict]) -> tuple[list[dict], list[dict]]:
    """Classes (with their kinds) and relations present on the page, in a fixed order."""
    counts: dict[str, dict[str, int]] = {}
    for n in nodes:
        kinds = counts.setdefault(n["cls"], {})
        kinds[n["kind"]] = kinds.get(n["kind"], 0) + 1
    classes = []
    for cls, (zh, shape) in CLASSES.items():
        if cls not in counts:
            continue
        kind_rows = []
        for kind, count in sorted(counts[cls].items(), key=lambda kv: _kind_order(cls, kv[0])):
            style = node_style(cls, kind)
            kind_rows.append(
                {
                    "name": KINDS[cls].get(kind, (kind, ""))[0],
                    "colour": style["color"]["background"],
                    "border": style["color"]["border"],
                    "dashed": cls == "mechanism" and kind == "discovered",
                    "count": count,
                }
            )
        classes.append({"key": cls, "name": zh, "shape": shape, "count": sum(counts[cls].values()), "kinds": kind_rows})
    used = {e["relation"] for e in edges}
    relations = [{"name": r.label, "colour": r.colour} for r in RELATIONS if r.name in used]
    relations += [{"name": rel, "colour": OTHER_RELATION_COLOUR} for rel in sorted(used - RELATION.keys()) if rel]
    return classes, relations


def _kind_order(cls: str, kind: str) -> tuple[int, str]:
    order = list(KINDS[cls])
    return (order.index(kind) if kind in order else len(order), kind)


def page_html(
    title: str,
    status: str,
    omitted_note: str,
    nodes: list,
    edges: list,
    start_map: bool = False,
    summary: dict | None = None,
) -> str:
    import importlib.util

    import jinja2

    # pyvis's folder, found without importing pyvis (which imports IPython: a third of a second)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise GovgraphError("pyvis is not installed: the page needs its copy of vis-network")
    vis_js = (Path(spec.submodule_search_locations[0]) / VIS_JS).read_text(encoding="utf-8")
    page_js = (PAGE_DIR / "page.js").read_text(encoding="utf-8")
    for script in (vis_js, page_js):
        if "</script" in script.lower():  # would end the inline <script> early
            raise GovgraphError("page script contains '</script'; it cannot be inlined")

    data = {
        "nodes": nodes,
        "edges": edges,
        "options": _vis_options(len(nodes)),
        "map": frame(),
        "startMap": start_map,
        "topLabels": [n["id"] for n in sorted(nodes, key=lambda n: (-n["degree"], n["id"]))[:TOP_LABELS]],
        "style": {"nodeFont": NODE_FONT, "edgeFont": EDGE_FONT},
        "classNames": {cls: zh for cls, (zh, _shape) in CLASSES.items()},
        "kindNames": {f"{cls}/{kind}": zh for cls, kinds in KINDS.items() for kind, (zh, _c) in kinds.items()},
    }
    if summary is not None:
        data["summary"] = summary  # what the whole graph holds (the build summary's counts)
    regions = sorted({r for n in nodes for r in n["regions"]} | {n["name"] for n in nodes if n["cls"] == "region"})
    mechanisms = sorted(
        ((n["name"], n["id"]) for n in nodes if n["cls"] == "mechanism"),
    )
    classes, relations = _legend(nodes, edges)

    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string((PAGE_DIR / "page.html").read_text(encoding="utf-8"))
    return template.render(
        title=title,
        status=status,
        omitted_note=omitted_note,
        summary_line=summary_line(summary) if summary is not None else "",
        classes=classes,
        relations=relations,
        regions=regions,
        mechanisms=mechanisms,
        css=(PAGE_DIR / "page.css").read_text(encoding="utf-8"),
        data_json=_script_json(data),
        vis_js=vis_js,
        page_js=page_js,
        script_hashes=" ".join(_csp_hash(s) for s in (vis_js, page_js)),
    )
