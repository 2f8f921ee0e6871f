"""The competency queries in ontology/queries/: each is self-contained (a comment stating its
question, full PREFIX declarations), runs on the graph built from the bundled samples and
answers with facts that the samples state; the CLI runs them too."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from decimal import Decimal

import pytest
import rdflib
from rdflib import RDF, RDFS, SKOS, URIRef
from rdflib.plugins.sparql import prepareQuery

from conftest import REPO

QUERY_DIR = REPO / "ontology" / "queries"
QUERIES = sorted(QUERY_DIR.glob("*.rq"))
GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SDO = rdflib.Namespace("https://schema.org/")
BASE = "https://w3id.org/govgraph/id/"
MECH = BASE + "mechanism/"


def text_of(name: str) -> str:
    return (QUERY_DIR / name).read_text(encoding="utf-8")


def run(graph, name_or_text: str) -> list[dict[str, object]]:
    """Rows as dicts: str for IRIs and strings, Decimal for numbers, None when unbound."""
    text = text_of(name_or_text) if name_or_text.endswith(".rq") else name_or_text
    result = graph.query(text)
    names = [str(v) for v in result.vars]
    rows = []
    for row in result:
        d = {}
        for n, v in zip(names, row):
            if v is None:
                d[n] = None
            elif isinstance(v, rdflib.Literal) and isinstance(v.toPython(), (int, Decimal, float)):
                d[n] = Decimal(str(v.toPython()))
            else:
                d[n] = str(v)
        rows.append(d)
    return rows


def squash(s: str) -> str:
    """Text compared across the original and the clean form: NFKC, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


# ----------------------------------------------------------------------- every query file
def test_there_are_at_least_eight_queries():
    assert len(QUERIES) >= 8


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_query_file_is_self_contained(query):
    text = query.read_text(encoding="utf-8")
    header = "\n".join(ln for ln in text.splitlines() if ln.startswith("#"))
    assert text.startswith("# ") and "?" in header, "starts with a # comment stating the question"
    # no predeclared prefixes: parses on its own (an undeclared prefix is an error here)
    q = prepareQuery(text)
    assert q.algebra.name == "SelectQuery"
    declared = set(re.findall(r"^PREFIX\s+(\w*):", text, flags=re.M))
    body = re.sub(r'"[^"\n]*"|<[^>\s]*>|#[^\n]*', "", text.split("SELECT", 1)[1])
    used = set(re.findall(r"\b([A-Za-z][\w-]*):[A-Za-z_]", body))
    assert used <= declared, used - declared
    # deterministic rows: every projected variable (or aggregate alias) is in ORDER BY
    select = text.split("SELECT", 1)[1].split("WHERE", 1)[0]
    projected = set(re.findall(r"AS\s+\?(\w+)\)", select)) | {
        v for v in re.findall(r"\?(\w+)", re.sub(r"\([^()]*\([^()]*\)[^()]*\)", "", select))
    }
    order = set(re.findall(r"\?(\w+)", text.split("ORDER BY", 1)[1])) if "ORDER BY" in text else set()
    assert projected <= order, f"ORDER BY misses {projected - order}"


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_query_runs_on_built_graph(graph, query):
    result = graph.query(query.read_text(encoding="utf-8"))
    assert result.type == "SELECT"
    list(result)


def test_queries_are_shipped_with_the_package():
    from importlib import resources

    shipped = {p.name for p in (resources.files("govgraph.ontology") / "queries").iterdir() if p.name.endswith(".rq")}
    assert {q.name for q in QUERIES} <= shipped


@pytest.mark.parametrize("readme_path", ["ontology/README.md", "README.md"])
def test_readme_trace_example_runs(graph, readme_path):
    """The SPARQL examples in the READMEs trace 最高人民法院 adopts 交叉执行 to offsets."""
    from govgraph.reader import bundled_corpus, read

    readme = (REPO / readme_path).read_text(encoding="utf-8")
    example = re.search(r"```sparql\n(.*?)```", readme, flags=re.S).group(1)
    rows = run(graph, example)
    assert rows
    texts = {p.name: read(p).text for p in bundled_corpus()}
    for r in rows:
        assert squash(texts[r["document"]][int(r["start"]) : int(r["end"])]) == squash(r["quote"])
    assert any("最高人民法院" in r["quote"] for r in rows)


def test_readme_lists_every_query():
    readme = (REPO / "ontology" / "README.md").read_text(encoding="utf-8")
    for q in QUERIES:
        assert q.name in readme, q.name


# ----------------------------------------------------------------------- answers
def test_adopters_of_escalated_enforcement(graph):
    rows = run(graph, "adopters_of_mechanism.rq")
    names = {r["name"] for r in rows}
    assert "荆州市中级人民法院" in names
    by_name = {r["name"]: r for r in rows}
    assert by_name["荆州市中级人民法院"]["region"] == BASE + "region/421000"
    assert by_name["荆州市中级人民法院"]["regionName"] == "荆州市"
    # exactly the adopters in the graph
    m = URIRef(MECH + "escalated-execution")
    assert {r["institution"] for r in rows} == {str(s) for s in graph.subjects(GG.adopts, m)}


def test_adopters_query_is_reusable_for_another_mechanism(graph):
    rows = run(graph, text_of("adopters_of_mechanism.rq").replace('"提级执行"@zh', '"交叉执行"@zh'))
    by_name = {r["name"]: r for r in rows}
    assert "最高人民法院" in by_name
    assert by_name["最高人民法院"]["region"] is None  # a national body has no region


def test_mechanisms_per_province(graph):
    rows = run(graph, "mechanisms_per_province.rq")
    assert rows
    by_name = {r["provinceName"]: r for r in rows}
    assert "湖北省" in by_name
    for r in rows:
        assert re.fullmatch(re.escape(BASE) + r"region/\d{2}0000", r["province"]), r
        assert r["mechanisms"] >= 1 and r["institutions"] >= 1
    # independent count for 湖北省: institutions whose region lies in it
    hubei = URIRef(BASE + "region/420000")

    def in_hubei(region) -> bool:
        seen = set()
        while region is not None and region not in seen:
            if region == hubei:
                return True
            seen.add(region)
            region = graph.value(region, SDO.containedInPlace)
        return False

    insts = {i for i, r in graph.subject_objects(GG.locatedIn) if in_hubei(r) and graph.value(i, GG.adopts)}
    mechs = {m for i in insts for m in graph.objects(i, GG.adopts)}
    assert by_name["湖北省"]["institutions"] == len(insts)
    assert by_name["湖北省"]["mechanisms"] == len(mechs)
    counts = [(-r["mechanisms"], -r["institutions"], r["provinceName"]) for r in rows]
    assert counts == sorted(counts)


def test_enforcement_money_per_region(graph):
    rows = run(graph, "enforcement_money_per_region.rq")
    # 荆州: 执行到位金额4784.85 万元 (reported for the city's courts, or the district's)
    jingzhou = [r for r in rows if r["regionName"].startswith("荆州")]
    assert jingzhou and max(r["totalCNY"] for r in jingzhou) >= Decimal("47848500")
    totals = [r["totalCNY"] for r in rows]
    assert totals == sorted(totals, reverse=True)
    # each total is the sum over the matching outcomes whose subject is, or lies in, the region
    expected: dict[str, Decimal] = {}
    for o in graph.subjects(GG.unit, GG["unit-CNY"]):
        s = graph.value(o, GG.subject)
        if s is None or "执行到位" not in str(graph.value(o, GG.metric)):
            continue
        region = s if (s, RDF.type, SDO.AdministrativeArea) in graph else graph.value(s, GG.locatedIn)
        if region is not None:
            expected[str(region)] = expected.get(str(region), Decimal(0)) + Decimal(str(graph.value(o, SDO.value)))
    assert {r["region"]: r["totalCNY"] for r in rows} == expected


def test_evidence_of_supreme_court_adoptions(graph):
    from govgraph.reader import bundled_corpus, read

    rows = run(graph, "evidence_of_fact.rq")
    assert "交叉执行" in {r["mechanismName"] for r in rows}
    texts = {p.name: read(p).text for p in bundled_corpus()}
    for r in rows:
        original = texts[r["document"]]
        start, end = int(r["start"]), int(r["end"])
        assert 0 <= start <= end <= len(original)
        # the offsets select the quote in the original text (line breaks and width folded)
        assert squash(original[start:end]) == squash(r["quote"]), r
        assert r["quote"] in r["sentence"]
        assert isinstance(r["article"], Decimal) and r["article"] >= 0
        assert r["headline"] and not str(r["headline"]).endswith("讯")  # never the dateline
    # every adoption of 最高人民法院 has at least one row
    court = graph.value(predicate=RDFS.label, object=rdflib.Literal("最高人民法院", lang="zh"))
    adopted = {
        str(lbl)
        for m in graph.objects(court, GG.adopts)
        for lbl in graph.objects(m, SKOS.prefLabel)
        if lbl.language == "zh"
    }
    assert adopted == {r["mechanismName"] for r in rows}


def test_mechanism_hierarchy(graph):
    rows = run(graph, "mechanism_hierarchy.rq")
    pairs = {(r["broaderName"], r["narrowerName"]) for r in rows}
    assert ("交叉执行", "提级执行") in pairs
    assert len(rows) == len(set(graph.subject_objects(SKOS.broader)))


def test_institution_parents(graph):
    rows = run(graph, "institution_parents.rq")
    assert rows
    for r in rows:
        assert r["kind"].startswith(str(GG)) and r["parentKind"].startswith(str(GG))
        assert (URIRef(r["institution"]), ORG.subOrganizationOf, URIRef(r["parent"])) in graph
    assert any(r["parentName"] == "最高人民法院" and r["parentKind"] == str(GG.Court) for r in rows)


def test_outcomes_of_institution(graph):
    rows = run(graph, "outcomes_of_institution.rq")
    # 最高人民法院: 今年1月 … 下发10个先进典型案例 (national rates such as 执行到位率56.74% belong to
    # no body: SPEC v2, quantity subjects)
    cases = [r for r in rows if r["unit"] == "case" and r["value"] == Decimal("10")]
    assert cases, rows
    assert cases[0]["period"]
    court = graph.value(predicate=RDFS.label, object=rdflib.Literal("最高人民法院", lang="zh"))
    assert {r["outcome"] for r in rows} == {str(o) for o in graph.subjects(GG.subject, court)}
    values = [r["value"] for r in rows]
    assert values == sorted(values)


def test_regions_most_mechanisms(graph):
    rows = run(graph, "regions_most_mechanisms.rq")
    assert 0 < len(rows) <= 20
    levels = {str(GG[n]) for n in ("Province", "Prefecture", "County", "Township", "Village")}
    assert all(r["level"] in levels for r in rows)
    counts = [r["mechanisms"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    # the top region really has that many distinct mechanisms adopted by institutions in it
    top = URIRef(rows[0]["region"])
    mechs = {m for i in graph.subjects(GG.locatedIn, top) for m in graph.objects(i, GG.adopts)}
    assert len(mechs) == counts[0]


def test_discovered_mechanisms(graph):
    from govgraph.lexicon import mechanisms

    rows = run(graph, "discovered_mechanisms.rq")
    assert rows
    curated = set(mechanisms())
    for r in rows:
        assert r["name"] not in curated
        assert r["mechanism"].startswith(MECH + "x-")
        assert r["mentions"] >= r["documents"] >= 1
    assert len(rows) == len(set(graph.subjects(RDF.type, GG.DiscoveredMechanism)))


def test_institutions_by_kind(graph):
    from govgraph.model import KIND_CLASS

    rows = run(graph, "institutions_by_kind.rq")
    assert {r["kind"] for r in rows} <= {str(GG[c]) for c in KIND_CLASS.values()}
    assert sum(r["institutions"] for r in rows) == len(set(graph.subjects(RDF.type, ORG.Organization)))
    by_kind = {r["kind"]: r for r in rows}
    assert by_kind[str(GG.Court)]["adopters"] >= 1
    assert all(r["adopters"] <= r["institutions"] for r in rows)


def test_no_unsupported_facts(graph):
    assert run(graph, "unsupported_facts.rq") == []


def test_unsupported_facts_finds_a_relation_without_evidence():
    gg, ex = "https://w3id.org/govgraph/ontology#", "http://ex.org/"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    g = rdflib.Graph()
    U = rdflib.URIRef
    g.add((U(ex + "court"), U(gg + "adopts"), U(ex + "m1")))
    g.add((U(ex + "court"), U(gg + "adopts"), U(ex + "m2")))
    for p, o in ((rdf + "subject", ex + "court"), (rdf + "predicate", gg + "adopts"), (rdf + "object", ex + "m1")):
        g.add((U(ex + "st"), U(p), U(o)))
    g.add((U(ex + "st"), U("http://www.w3.org/ns/prov#wasDerivedFrom"), U(ex + "ev")))
    rows = [tuple(str(v) for v in row) for row in g.query((QUERY_DIR / "unsupported_facts.rq").read_text("utf-8"))]
    assert rows == [(ex + "court", gg + "adopts", ex + "m2")]


def test_mechanism_reach(graph):
    rows = run(graph, "mechanism_reach.rq")
    by_name = {r["name"]: r for r in rows}
    cross = by_name["交叉执行"]
    # counts adopters of 交叉执行 and of its modes (提级执行 …)
    escalated = {r["institution"] for r in run(graph, "adopters_of_mechanism.rq")}
    direct = {str(s) for s in graph.subjects(GG.adopts, URIRef(MECH + "cross-execution"))}
    assert cross["institutions"] >= len(escalated | direct)
    assert cross["top"] == MECH + "cross-execution"


# ----------------------------------------------------------------------- through the CLI
# (a few; the first makes the graph's store, the others read it)
CLI_QUERIES = ["adopters_of_mechanism.rq", "enforcement_money_per_region.rq", "evidence_of_fact.rq"]


@pytest.mark.parametrize("name", CLI_QUERIES)
def test_cli_query_csv(built, graph, name, capsys):
    from govgraph.cli import main

    query = QUERY_DIR / name
    code = main(["query", str(query), "-g", str(built / "govgraph.ttl"), "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    result = graph.query(query.read_text(encoding="utf-8"))
    assert table[0] == [str(v) for v in result.vars]
    # numbers by value: Oxigraph writes a decimal sum canonically (373150000), rdflib as 373150000.0
    assert [[_number(c) for c in r] for r in table[1:]] == [
        ["" if v is None else _number(str(v)) for v in row] for row in result
    ]


def _number(cell: str) -> str:
    from decimal import Decimal, InvalidOperation

    try:
        d = Decimal(cell)
    except InvalidOperation:
        return cell
    return "0" if d == 0 else format(d.normalize(), "f")


def test_cli_query_json(built, capsys):
    import json

    from govgraph.cli import main

    q = str(QUERY_DIR / "mechanism_hierarchy.rq")
    assert main(["query", q, "-g", str(built / "govgraph.ttl"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)  # SPARQL 1.1 Query Results JSON
    assert data["head"]["vars"] == ["broaderName", "narrowerName", "broader", "narrower"]
    assert {
        "broaderName": {"type": "literal", "value": "交叉执行", "xml:lang": "zh"},
        "narrowerName": {"type": "literal", "value": "提级执行", "xml:lang": "zh"},
        "broader": {"type": "uri", "value": MECH + "cross-execution"},
        "narrower": {"type": "uri", "value": MECH + "escalated-execution"},
    } in data["results"]["bindings"]
