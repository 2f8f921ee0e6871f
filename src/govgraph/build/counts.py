"""What the built graph holds, counted from the graph itself: distinct institutions, regions,
mechanisms, facts and outcomes (not sums over documents, which count an institution once per
document that names it and miss the regions and broader concepts the graph adds).

`GraphCounts` reads the page rows (`build.rows`) of every document and keyed block, the
same rows the page's view is made of, so the build summary, the page and a SPARQL count on
the written graph agree (tests/test_counts.py checks the last).
"""

from __future__ import annotations

import secrets

from .rows import AREA, CONCEPT, ORGANIZATION, OUTCOME

# class of node -> its rdf:type
NODE_CLASSES = {"institutions": ORGANIZATION, "regions": AREA, "mechanisms": CONCEPT, "outcomes": OUTCOME}
# The relations between entities that are facts (`model.RELATIONS` names); an outcome's links
# to its subject and mechanism belong to the outcome.
FACT_RELATIONS = ("adopts", "located in", "part of", "broader", "contained in")
# What the page and the summary call them, in their order.
SUMMARY_NAMES = {
    "institutions": "机构",
    "regions": "地区",
    "mechanisms": "机制",
    "facts": "事实",
    "adopts": "采用",
    "outcomes": "成果",
    "triples": "三元组",
}


class GraphCounts:
    """Distinct nodes per class and distinct fact triples, gathered from page rows."""

    def __init__(self) -> None:
        self._class_of = {t: k for k, t in NODE_CLASSES.items()}
        self.nodes: dict[str, set[str]] = {k: set() for k in NODE_CLASSES}
        self.facts: set[tuple[str, str, str]] = set()

    def add(self, rows: list[tuple]) -> None:
        class_of, nodes, facts = self._class_of, self.nodes, self.facts
        for s, code, v in rows:
            if code == "type":
                cls = class_of.get(v)
                if cls is not None:
                    nodes[cls].add(s)
            elif code in FACT_RELATIONS:
                facts.add((s, code, v))

    def summary(self, triples: int | str) -> dict[str, int | str]:
        """The counts in `SUMMARY_NAMES` order; `triples` as the writer counted them."""
        return {
            "institutions": len(self.nodes["institutions"]),
            "regions": len(self.nodes["regions"]),
            "mechanisms": len(self.nodes["mechanisms"]),
            "facts": len(self.facts),
            "adopts": sum(1 for _, rel, _ in self.facts if rel == "adopts"),
            "outcomes": len(self.nodes["outcomes"]),
            "triples": triples,
        }


# Stands for the number of triples on a page drawn while the range writers count them; no
# text holds it (a random word, replaced before the page is written: `fill_triples`).
TRIPLES_TOKEN = "ggtriples" + secrets.token_hex(12)


def fill_triples(html: str, triples: int) -> str:
    """The page with the number of triples in place of `TRIPLES_TOKEN` (a JSON string in
    the data island, plain text in the header)."""
    n = str(triples)
    return html.replace(f'"{TRIPLES_TOKEN}"', n).replace(TRIPLES_TOKEN, n)


def summary_line(summary: dict) -> str:
    """The counts as the page shows them: 机构 141 · 地区 125 · … · 事实 523（采用 213）· …"""
    parts = []
    for k, name in SUMMARY_NAMES.items():
        if k == "adopts" or k not in summary:
            continue
        adopts = f"（采用 {summary['adopts']}）" if k == "facts" and "adopts" in summary else ""
        parts.append(f"{name} {summary[k]}{adopts}")
    return " · ".join(parts)
