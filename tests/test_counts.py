"""The build summary counts what the graph holds, and the page shows the same counts: both
checked against SPARQL counts on the written Turtle."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import rdflib

from govgraph.build.counts import GraphCounts, summary_line

PREFIXES = """
PREFIX gg: <https://w3id.org/govgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
CLASS_QUERIES = {
    "institutions": "org:Organization",
    "regions": "schema:AdministrativeArea",
    "mechanisms": "skos:Concept",
    "outcomes": "gg:Outcome",
}
FACTS = "gg:adopts gg:locatedIn org:subOrganizationOf skos:broader schema:containedInPlace"


def _count(graph: rdflib.Graph, where: str) -> int:
    (row,) = graph.query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(row[0])


def sparql_counts(graph: rdflib.Graph) -> dict:
    out = {k: _count(graph, f"SELECT DISTINCT ?x WHERE {{ ?x a {c} }}") for k, c in CLASS_QUERIES.items()}
    out["facts"] = _count(graph, f"VALUES ?p {{ {FACTS} }} ?s ?p ?o")
    out["adopts"] = _count(graph, "?s gg:adopts ?o")
    out["triples"] = len(graph)
    return out


def page_island(html_path: Path) -> dict:
    html = html_path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="govgraph-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def page_summary(html_path: Path) -> tuple[dict, str]:
    header = re.search(r'<p id="gg-summary"[^>]*>(.*?)</p>', html_path.read_text(encoding="utf-8"), re.S)
    assert header
    return page_island(html_path)["summary"], header.group(1)


def test_page_and_manifest_counts_are_the_graphs(built, graph):
    summary, header = page_summary(built / "govgraph.html")
    assert summary == sparql_counts(graph)
    assert json.loads((built / ".govgraph-manifest.json").read_text(encoding="utf-8"))["graph"] == summary
    assert header == "图谱共有 " + summary_line(summary)
    assert f"机构 {summary['institutions']}" in header and f"三元组 {summary['triples']}" in header
    # the sample page shows the whole graph: its nodes per class are the same counts
    shown = Counter(n["cls"] for n in page_island(built / "govgraph.html")["nodes"])
    assert {f"{cls}s": n for cls, n in shown.items()} == {k: summary[k] for k in CLASS_QUERIES}


def test_a_view_page_counts_the_whole_graph(built, graph, tmp_path):
    from govgraph.api import view

    view(built / "govgraph.ttl", tmp_path / "focus.html", focus="交叉执行", depth=1)
    summary, header = page_summary(tmp_path / "focus.html")
    assert summary == sparql_counts(graph)  # the focus page shows a part; the counts are the graph's
    assert header == "图谱共有 " + summary_line(summary)


def test_build_summary_counts_are_the_graphs_with_range_writers(tmp_path):
    # two workers: the Turtle is written by range writers while the page is drawn, so the
    # page learns the number of triples last
    from govgraph.api import build

    report = build(None, tmp_path / "out", workers=2, progress=False, cache=False)
    graph = rdflib.Graph().parse(tmp_path / "out" / "govgraph.ttl", format="turtle")
    want = sparql_counts(graph)
    got = {**report.entities, "facts": report.facts, "adopts": report.adopts, "outcomes": report.outcomes}
    got["triples"] = report.triples
    assert got == want
    summary, _ = page_summary(tmp_path / "out" / "govgraph.html")
    assert summary == want
    manifest = json.loads((tmp_path / "out" / ".govgraph-manifest.json").read_text(encoding="utf-8"))
    assert manifest["graph"] == want
    assert "ggtriples" not in (tmp_path / "out" / "govgraph.html").read_text(encoding="utf-8")
    text = report.summary()
    assert f"institutions {want['institutions']}, regions {want['regions']}" in text
    assert f"facts {want['facts']} (adopts {want['adopts']}), outcomes {want['outcomes']}" in text


def test_counts_are_distinct_across_documents():
    c = GraphCounts()
    org = "http://www.w3.org/ns/org#Organization"
    # the same court and the same fact from two documents count once
    for _ in range(2):
        c.add([("ex:court", "type", org), ("ex:court", "adopts", "ex:m"), ("ex:court", "ev_m", ("ev", "d", "s", ""))])
    c.add([("ex:o", "type", "https://w3id.org/govgraph/ontology#Outcome"), ("ex:o", "outcome of", "ex:court")])
    assert c.summary(7) == {
        "institutions": 1,
        "regions": 0,
        "mechanisms": 0,
        "facts": 1,
        "adopts": 1,
        "outcomes": 1,
        "triples": 7,
    }
