"""Scale: the fast graph path equals GraphBuilder's, and the output is the same bytes whatever
the number of workers, the order of the inputs, the cache, a spilled sort or a Dask cluster."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF
from rdflib.compare import isomorphic

from govgraph import api, export, model
from govgraph.build.counts import GraphCounts
from govgraph.build.jsonout import dumps, encode_json
from govgraph.build.page import PageModel
from govgraph.build.rows import page_rows
from govgraph.build.sink import GraphSink
from govgraph.dataset import DatasetWriter, shared_graph_iri
from govgraph.graph import GraphBuilder
from govgraph.interchange import graphml, node_attributes
from govgraph.model import DEFAULT_BASE
from govgraph.ntriples import from_rdflib
from govgraph.pipeline import process, to_json
from govgraph.reader import bundled_corpus, read
from govgraph.triples import TripleEmitter

FORMATS = ("ttl", "nt", "trig", "nq", "jsonld", "graphml")
GG = rdflib.Namespace(model.GG_NS)


def tree(out: Path) -> dict[str, bytes]:
    """Every output file (the cache aside) by relative name."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(out).parts
    }


@pytest.fixture(scope="module")
def samples():
    return [process(read(f)) for f in bundled_corpus()]


@pytest.fixture
def small(tmp_path) -> Path:
    """Six short documents cut from the samples (their first paragraphs), in a folder."""
    src = tmp_path / "in"
    src.mkdir()
    for i, f in enumerate(bundled_corpus()):
        text = f.read_text(encoding="utf-8")
        cut = text.find("\n\n", 2500 + 300 * i)
        (src / f"doc{i}.txt").write_text(text[: cut if cut > 0 else None] + "\n", encoding="utf-8")
    (src / "doc5.txt").write_text(
        "　　湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n", encoding="utf-8"
    )
    return src


# ---------------------------------------------------------------------------- same triples


def test_merged_document_lines_equal_one_builder_graph(samples):
    """The build merges per-document lines (first document wins for shared blocks); one
    GraphBuilder fed every document must hold exactly those triples, term for term."""
    b = GraphBuilder()
    for x in samples:
        b.add(x)
    em = TripleEmitter()
    lines, keyed = set(), {}
    for x in samples:
        d = em.emit(x)
        lines.update(d.plain)
        for k, block in d.keyed.items():
            keyed.setdefault(k, block)
    for block in keyed.values():
        lines.update(block)
    reference = {" ".join(from_rdflib(t) for t in triple) for triple in b.g}
    assert lines == reference


def test_build_equals_the_rdflib_reference(samples, built):
    """Turtle parses to GraphBuilder's graph, N-Triples is its sorted rdflib dump, the page and
    GraphML are the whole view of its lines taken in the order GraphBuilder adds them (no
    worker split, no trimmed evidence rows, no lean page view), the JSON is `json.dumps` of
    `to_json`."""
    from govgraph.viz import render_page

    out = built  # conftest: the samples with every format
    b = GraphBuilder()
    for x in samples:
        b.add(x)
    g = b.g
    assert isomorphic(rdflib.Graph().parse(out / "govgraph.ttl", format="turtle"), g)
    assert isomorphic(rdflib.Graph().parse(out / "govgraph.jsonld", format="json-ld"), g)
    nt = "\n".join(sorted({ln for ln in g.serialize(format="nt").split("\n") if ln.strip()})) + "\n"
    assert (out / "govgraph.nt").read_text(encoding="utf-8") == nt
    view, seen, counts = PageModel(), set(), GraphCounts()
    for x in samples:  # each document's lines, then the shared blocks it is first to give
        d = b.emitter.emit(x)
        lines = list(d.plain)
        for key, block in d.keyed.items():
            if key not in seen:
                seen.add(key)
                lines += block
        view.add(page_rows(lines, b.base))
        counts.add(page_rows(lines, b.base))
    nxg = view.to_networkx()
    html, _ = render_page(nxg, title="govgraph", max_nodes=2000, summary=counts.summary(len(g)))
    assert (out / "govgraph.html").read_text(encoding="utf-8") == html
    attributes = node_attributes(sorted({" ".join(from_rdflib(t) for t in triple) for triple in g}))
    assert (out / "govgraph.graphml").read_text(encoding="utf-8") == graphml(nxg, attributes)
    for x in samples:
        text = (out / "extractions" / f"{x.document.rsplit('.', 1)[0]}.json").read_text(encoding="utf-8")
        assert text == dumps(to_json(x)) + "\n"
        assert json.loads(text) == json.loads(json.dumps(to_json(x)))
    ds = rdflib.Dataset().parse(out / "govgraph.trig", format="trig")
    quads = rdflib.Dataset().parse(out / "govgraph.nq", format="nquads")
    for d in (ds, quads):
        assert len([c for c in d.graphs() if len(c)]) == len(samples) + 1  # and the shared graph
    # a document's graph: the triples of its own graph that name its document, articles,
    # evidence or outcomes, and the adoptions no earlier document (by file name) stated, with
    # their statement nodes; the shared graph: the rest of the whole graph
    owned = DatasetWriter({}, DEFAULT_BASE).is_owned
    taken: set = set()  # adoptions already in a document's graph
    placed: set[str] = set()  # their lines and their statement nodes' lines
    for x in sorted(samples, key=lambda x: x.document):
        one = GraphBuilder()
        one.add(x)
        name = one.document_iri(x.document)
        facts = set(one.g.triples((None, GG.adopts, None))) - taken
        statements = {st for s, _, o in facts for st in one.g.subjects(RDF.subject, s) if (st, RDF.object, o) in one.g}
        statements = {st for st in statements if (st, RDF.predicate, GG.adopts) in one.g}
        first = {" ".join(from_rdflib(t) for t in t3) for t3 in facts}
        first |= {" ".join(from_rdflib(t) for t in t3) for st in statements for t3 in one.g.triples((st, None, None))}
        own = [line for line in export.graph_lines(one.g) if owned(line) or line in first]
        assert export.graph_lines(ds.graph(name)) == own == export.graph_lines(quads.graph(name))
        taken |= facts
        placed |= first
    shared = rdflib.URIRef(shared_graph_iri(DEFAULT_BASE))
    rest = [line for line in export.graph_lines(g) if not owned(line) and line not in placed]
    assert export.graph_lines(ds.graph(shared)) == rest == export.graph_lines(quads.graph(shared))
    assert not list(ds.graph(shared).triples((None, GG.adopts, None)))


def test_json_writer_is_json_with_one_record_per_line(samples):
    for x in samples:
        obj = to_json(x)
        text = dumps(obj)
        assert json.loads(text) == json.loads(json.dumps(obj))
        lines = text.split("\n")
        # every record of a non-empty list on a line of its own
        for key, value in obj.items():
            if isinstance(value, list) and value:
                i = lines.index(f" {json.dumps(key, ensure_ascii=False)}: [")
                assert [json.loads(ln.strip().rstrip(",")) for ln in lines[i + 1 : i + 1 + len(value)]] == json.loads(
                    json.dumps(value)
                )
                assert lines[i + 1 + len(value)].startswith(" ]")
    odd = {
        "a": [1.5, float("nan"), float("-inf"), 1e16, -0.0, 2**70, True, False, None],
        "b": {},
        "c": [],
        "d": [{}, []],
        "e": 'q"\\\n\r\t\x00\x1f\u2028😀',
        "f": (1, "2"),
    }
    back = json.loads(dumps(odd))
    assert back["e"] == odd["e"] and back["f"] == [1, "2"] and back["d"] == [{}, []] and back["c"] == []
    assert back["a"][0] == 1.5 and back["a"][2] == float("-inf") and back["a"][5] == 2**70
    assert "😀" in dumps(odd)
    assert (
        dumps({"d": "a.txt", "x": ["a\nb", {"k": 1}], "y": []})
        == '{\n "d": "a.txt",\n "x": [\n  "a\\nb",\n  {"k": 1}\n ],\n "y": []\n}'
    )
    assert dumps({}) == "{}"
    for value in [*odd.values(), odd, "中文", 3]:  # the C encoder called directly: the standard text
        assert encode_json(value) == json.JSONEncoder(ensure_ascii=False).encode(value)
    with pytest.raises(TypeError, match="not JSON serializable"):
        encode_json({"s": {1, 2}})


def test_turtle_writer_escapes_and_round_trips():
    g = rdflib.Graph()
    s = rdflib.URIRef("https://w3id.org/govgraph/id/x/1")
    p = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    for text in ['q"uote', "back\\slash", "new\nline\r\n", "tab\tand\x01ctl", "\u2028sep", "😀", "", " ", "a'''b"]:
        g.add((s, p, rdflib.Literal(text, lang="zh")))
        g.add((s, p, rdflib.Literal(text)))
    xsd = rdflib.namespace.XSD
    for v, dt in [
        ("5", xsd.integer),
        ("-07", xsd.integer),
        ("1.50", xsd.decimal),
        ("10", xsd.decimal),
        ("1e3", xsd.double),
        ("x", rdflib.URIRef("https://example.org/dt#t")),
    ]:
        g.add((s, rdflib.URIRef("https://schema.org/value"), rdflib.Literal(v, datatype=dt)))
    g.add((s, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/govgraph/ontology#Court")))
    g.add(
        (
            s,
            rdflib.URIRef("https://w3id.org/govgraph/ontology#odd"),
            rdflib.URIRef("https://w3id.org/govgraph/ontology#a.b"),
        )
    )
    g.add((rdflib.BNode("b1"), p, s))
    ttl = export.turtle(g)
    assert ttl == export.turtle(g)
    assert isomorphic(rdflib.Graph().parse(data=ttl, format="turtle"), g)
    assert "a gg:Court" in ttl and "@prefix gg:" in ttl


# ---------------------------------------------------------------------------- same bytes


def test_page_rows_without_surplus_evidence_give_the_same_page(samples):
    """Workers drop the evidence links the page would not show; the page is the same."""
    from govgraph.build.page import PageModel
    from govgraph.build.rows import fewest_evidence_rows, page_rows

    em = TripleEmitter()
    full, lean = PageModel(), PageModel()
    dropped = 0
    for x in samples:
        dt = em.emit(x)
        rows = page_rows(dt.plain, em.base, dt.evidence)
        kept = fewest_evidence_rows(rows)
        dropped += len(rows) - len(kept)
        assert [r for r in rows if r[1] not in ("ev_m", "ev_d")] == [r for r in kept if r[1] not in ("ev_m", "ev_d")]
        full.add(rows)
        lean.add(kept)
    assert dropped > 100  # the samples have nodes with more than five evidence sentences
    a, b = full.to_networkx(), lean.to_networkx()
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


@pytest.mark.parametrize("page_nodes", [1, 40, 300, 100_000])
def test_a_graph_made_only_for_the_page_gives_the_same_page(samples, page_nodes):
    """The build draws its page from a view whose nodes past the page's best connected
    carry no evidence or aliases; the page is the one of the full view."""
    from govgraph.build.page import PageModel
    from govgraph.build.rows import page_rows
    from govgraph.viz import render_page

    em = TripleEmitter()
    model = PageModel()
    for x in samples:
        dt = em.emit(x)
        model.add(page_rows(dt.plain, em.base, dt.evidence))
    full, lean = model.to_networkx(), model.to_networkx(page_nodes)
    assert full.number_of_nodes() > 300
    assert render_page(lean, max_nodes=page_nodes) == render_page(full, max_nodes=page_nodes)
    if page_nodes < full.number_of_nodes():
        assert sum(1 for _, d in lean.nodes(data=True) if d["evidence"]) <= page_nodes


def test_workers_and_file_order_give_the_same_bytes(small, tmp_path):
    files = sorted(str(p) for p in small.glob("*.txt"))
    a, b = tmp_path / "a", tmp_path / "b"
    api.build(files, a, formats=FORMATS, workers=1, progress=False, cache=False)
    api.build(files[::-1], b, formats=FORMATS, workers=2, progress=False, cache=False)
    ta, tb = tree(a), tree(b)
    assert ta.keys() == tb.keys() and len(ta) == 6 + len(FORMATS) + 2  # + page, manifest
    assert ta == tb
    # without per-document formats the workers keep the graph lines (`WorkerLines`)
    c, d = tmp_path / "c", tmp_path / "d"
    api.build(files, c, workers=1, progress=False, cache=False)
    api.build(files[::-1], d, workers=2, progress=False, cache=False)
    assert tree(c) == tree(d) and (c / "govgraph.ttl").read_bytes() == ta["govgraph.ttl"]


def test_spilled_parallel_write_gives_the_same_bytes(small, tmp_path, monkeypatch):
    """Sorted runs on disk, the graph written in ranges by forked processes: the same files."""
    from govgraph.build import run, sink
    from govgraph.build.writers import RangeWriters

    files = [str(small)]
    a, b = tmp_path / "a", tmp_path / "b"
    api.build(files, a, formats=("ttl", "nt"), workers=1, progress=False, cache=False)
    monkeypatch.setattr(sink, "SPILL_BYTES", 20_000)
    monkeypatch.setattr(run, "SPILL_BYTES", 20_000)
    made = []
    real = RangeWriters.write

    def spy(self, sink, *args, **kw):
        real(self, sink, *args, **kw)
        made.append([Path(path) for path, _, _ in sink.runs])

    monkeypatch.setattr(RangeWriters, "write", spy)
    api.build(files, b, formats=("ttl", "nt"), workers=3, progress=False, cache=False)
    assert made and len(made[0]) > 3  # it spilled, and three processes wrote the graph
    # the workers kept the lines and spilled them in folders of their own, inside the build's
    kept = {p.parent for p in made[0] if p.parent.parent.name.startswith(".govgraph-sort-")}
    assert len(kept) == 3
    assert tree(a) == tree(b)
    assert not [p for p in b.iterdir() if p.name.startswith(".govgraph-") and p.name != ".govgraph-manifest.json"]


def test_each_worker_reaches_every_worker_process_once():
    import os

    from govgraph.engines import LocalEngine

    assert LocalEngine(1).each_worker(os.getpid) == [os.getpid()]  # no pool: here
    engine = LocalEngine(3)
    assert engine.each_worker(os.getpid) == []  # no pool started yet: no worker to reach
    assert list(engine.imap(abs, [-1, -2, -3, -4, -5], warm=False)) == [1, 2, 3, 4, 5]
    pids = engine.each_worker(os.getpid)
    assert len(pids) == 3 == len(set(pids)) and os.getpid() not in pids
    assert sorted(engine.each_worker(os.getpid)) == sorted(pids)  # the same processes, again
    engine.close()
    assert engine.each_worker(os.getpid) == []


def test_a_failed_range_writer_is_reported_without_a_traceback(samples, tmp_path):
    import io
    import os

    from govgraph.build.writers import RangeWriters
    from govgraph.errors import GovgraphError

    sink = GraphSink(tmp_path, spill_bytes=50_000)
    for x in samples:
        d = TripleEmitter().emit(x)
        sink.add(sorted(set(d.plain)), d.keyed)
    real = sink.spill_all

    def spill_then_lose_the_runs():
        real()
        for path, _, _ in sink.runs:
            os.unlink(path)

    sink.spill_all = spill_then_lose_the_runs
    w = RangeWriters(2, tmp_path)
    w.write(sink, model.project_prefixes("https://w3id.org/govgraph/id/"), True, False)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with pytest.raises(GovgraphError, match="writing the graph failed: FileNotFoundError"):
        w.finish(out)
    w.close()
    assert not list(tmp_path.glob(".govgraph-parts-*"))
    sink.close()


def test_spilled_sort_gives_the_same_graph(samples, tmp_path):
    em = TripleEmitter()
    docs = [em.emit(x) for x in samples]
    whole, spilled = GraphSink(tmp_path), GraphSink(tmp_path, spill_bytes=200_000)
    # lines kept by two other sinks (as worker processes keep them), their runs joined to a third
    odd, even = GraphSink(tmp_path, spill_bytes=150_000), GraphSink(tmp_path, spill_bytes=150_000)
    joined = GraphSink(tmp_path)
    for i, d in enumerate(docs):
        whole.add(sorted(set(d.plain)), d.keyed)
        spilled.add(sorted(set(d.plain)), d.keyed)
        (odd if i % 2 else even).add(sorted(set(d.plain)), {})
        joined.add([], d.keyed)
    for other in (odd, even):
        other.spill_all()
        joined.add_runs(other.runs)
    assert spilled.runs and not whole.runs
    first = list(spilled.lines())
    assert first == list(whole.lines()) == list(spilled.lines()) == list(joined.lines())
    assert first == sorted(set(first))
    for sink in (whole, spilled, joined):  # ranges at the split points put together give the graph
        for parts in (2, 3, 7):
            cuts = sink.split_points(parts)
            assert 0 < len(cuts) <= parts - 1 and cuts == sorted(set(cuts))
            bounds = [None, *cuts, None]
            pieces = [list(sink.lines(lo, hi)) for lo, hi in zip(bounds, bounds[1:])]
            assert sum(pieces, []) == first
            # a subject's lines never straddle a cut
            for a, b in zip(pieces, pieces[1:]):
                if a and b:
                    assert a[-1].split(" ", 1)[0] != b[0].split(" ", 1)[0]
    for sink in (spilled, odd, even, joined):
        sink.close()
    assert not list(tmp_path.glob(".govgraph-sort-*"))


def test_incremental_rebuild_extracts_only_what_changed(small, tmp_path):
    out = tmp_path / "out"
    r = api.build([str(small)], out, formats=("ttl", "nt", "nq"), workers=1, progress=False)
    assert (r.extracted, r.cached) == (6, 0)
    r = api.build([str(small)], out, formats=("ttl", "nt", "nq"), workers=1, progress=False)
    assert (r.extracted, r.cached) == (0, 6)

    doc = small / "doc2.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n　　荆州市中级人民法院推行执源治理。\n", encoding="utf-8")
    (small / "doc6.txt").write_text("　　湖南省长沙市公安局开展交叉执行。\n", encoding="utf-8")
    r = api.build([str(small)], out, formats=("ttl", "nt", "nq"), workers=2, progress=False)
    assert (r.extracted, r.cached) == (2, 5)
    assert "cache: 5 document(s) reused, 2 extracted" in r.summary()

    clean = tmp_path / "clean"
    api.build([str(small)], clean, formats=("ttl", "nt", "nq"), workers=1, progress=False, cache=False)
    assert tree(out) == tree(clean)
    assert not (clean / ".cache").exists()


def test_cache_is_invalidated_when_the_rules_change(small, tmp_path, monkeypatch):
    from govgraph import lexicon

    out, cache = tmp_path / "out", tmp_path / "cache"
    assert api.build([str(small)], out, workers=1, progress=False, page=False, cache=cache).extracted == 6
    old = {p.name for p in cache.iterdir()}
    assert api.build([str(small)], out, workers=1, progress=False, page=False, cache=cache).extracted == 0

    monkeypatch.setattr(lexicon, "rules_version", lambda: "changed-rules")
    r = api.build([str(small)], out, workers=1, progress=False, page=False, cache=cache)
    assert (r.extracted, r.cached) == (6, 0)
    new = {p.name for p in cache.iterdir()}
    assert len(new) == 1 and new.isdisjoint(old)  # the stale rules' entries are gone


def test_a_corrupt_cache_entry_is_not_believed(small, tmp_path):
    out = tmp_path / "out"
    api.build([str(small)], out, workers=1, progress=False, page=False)
    entries = sorted((out / ".cache").rglob("*.json"))
    assert len(entries) == 6
    entries[0].write_bytes(entries[0].read_bytes()[:-10])
    before = tree(out)
    r = api.build([str(small)], out, workers=1, progress=False, page=False)
    assert (r.extracted, r.cached) == (1, 5)
    assert tree(out) == before


def test_cli_cache_flags(small, tmp_path, capsys):
    from govgraph.cli import main

    assert main(["build", str(small), "-o", str(tmp_path / "a"), "--workers", "1", "--no-cache", "--no-page"]) == 0
    assert not (tmp_path / "a" / ".cache").exists()
    assert (
        main(
            [
                "build",
                str(small),
                "-o",
                str(tmp_path / "b"),
                "--workers",
                "1",
                "--cache",
                str(tmp_path / "c"),
                "--no-page",
            ]
        )
        == 0
    )
    assert list((tmp_path / "c").rglob("*.json"))
    assert main(["build", str(small), "-o", str(tmp_path / "b"), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_cluster_gives_the_same_bytes(small, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    api.build([str(small)], local, formats=FORMATS, workers=1, progress=False, cache=False)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = tmp_path / "dask"
        r = api.build(
            [str(small)], on_dask, formats=FORMATS, progress=False, cache=False, engine="dask", scheduler=client
        )
        assert r.documents == 6
        assert tree(on_dask) == tree(local)
        # by address, as `--scheduler tcp://...` does, with the cache on
        by_address = tmp_path / "by-address"
        r = api.build(
            [str(small)],
            by_address,
            formats=FORMATS,
            progress=False,
            engine="dask",
            scheduler=cluster.scheduler_address,
        )
        assert r.extracted == 6
        assert tree(by_address) == tree(local)


def test_a_failed_build_leaves_no_temporary_files(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    out = tmp_path / "out"
    out.mkdir()
    (out / "govgraph.ttl").write_text("old", encoding="utf-8")
    with pytest.raises(Exception):
        api.build([str(bad)], out, progress=False)
    assert sorted(p.name for p in out.iterdir()) == ["govgraph.ttl"]
    shutil.rmtree(out)
    with pytest.raises(Exception):
        api.build([str(bad)], out, progress=False)
    assert not out.exists()


# ---------------------------------------------------------------------------- fast paths, same output


def _reference_turtle(lines: list[str], prefixes: dict[str, str], indent: str = "") -> str:
    """The Turtle writer's rules, written plainly: the fast `TurtleWriter` must give these bytes."""
    namer = export._Namer(prefixes, prefixes.get("ggr"))
    minted = namer.minted

    def term(t: str) -> str:
        return t if minted and t.startswith(minted) else namer.obj(t)

    out, prev_s, prev_p = [indent], None, None
    for line in lines:
        s, p, o = line.split(" ", 2)
        pred = "a" if p == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" else namer.iri(p)
        if s != prev_s:
            if prev_s is not None:
                out.append(f" .\n\n{indent}")
            out.append(f"{term(s)} {pred} {term(o)}")
        elif p != prev_p:
            out.append(f" ;\n{indent}    {pred} {term(o)}")
        else:
            out.append(f",\n{indent}        {term(o)}")
        prev_s, prev_p = s, p
    return "".join(out) + " .\n" if prev_s is not None else ""


def test_turtle_writer_matches_its_plain_rules_in_any_batches():
    import random

    base = "https://w3id.org/govgraph/id/"
    terms = [
        f"<{base}a>",
        f"<{base}b/c#quote>",
        f"<{base}>",
        "<https://w3id.org/govgraph/id0>",
        "<https://w3id.org/govgraph/ontology#Court>",
        "<https://w3id.org/govgraph/ontology#a.b>",
        "<http://example.org/x/y>",
        "_:b1",
        '"12"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"+0012"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"1.50"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        '"1."^^<http://www.w3.org/2001/XMLSchema#decimal>',
        '"①"^^<http://www.w3.org/2001/XMLSchema#integer>',
        '"2020-01-02"^^<http://www.w3.org/2001/XMLSchema#date>',
        '"t"^^<http://example.org/dt#t>',
        '"中文 a"@zh',
        '"a\\"b c"',
        '"<x>"',
        '"q>"@en',
    ]
    subjects = terms[:4] + ["_:b1", "<http://example.org/x/y>", f"<{base}document/d>"]
    preds = [
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
        "<https://schema.org/name>",
        f"<{base}p>",
        "<http://example.org/p.q>",
        "<https://w3id.org/govgraph/ontology#sentence>",
    ]
    minted_under = {**model.project_prefixes(base), "sub": base + "sub/"}  # no minted shortcut then
    rnd = random.Random(7)
    for _ in range(300):
        n = rnd.randrange(40)
        lines = sorted({f"{rnd.choice(subjects)} {rnd.choice(preds)} {rnd.choice(terms)}" for _ in range(n)})
        for prefixes in (model.project_prefixes(base), minted_under, {"ex": "http://example.org/"}):
            for indent in ("", "    "):
                want = _reference_turtle(lines, prefixes, indent)
                assert "".join(export.turtle_body(lines, prefixes, indent)) == want
                w, got, i = export.TurtleWriter(prefixes, indent), [], 0
                while i < len(lines):
                    k = rnd.randrange(1, 5)
                    got.append(w.feed(iter(lines[i : i + k])))
                    i += k
                assert "".join(got) + w.close() == want


def test_emit_helpers_keep_their_forms():
    import hashlib

    from govgraph import ntriples
    from govgraph.model import digest

    for parts in [("a",), ("doc.txt", "12", "30"), ("中文", ""), ()]:
        for n in (12, 7, 64):
            assert digest(*parts, n=n) == hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]
    for s in ["", "plain", 'q"uote', "back\\slash\n\r", "中文"]:
        assert ntriples.zh(s) == ntriples.quote(s) + "@zh"
    for _ in range(2):  # the second time from the memo
        assert [ntriples.decimal_lexical(v) for v in (0.0, -0.0, 1, 72843.0, 398.91, 1e21, 1e-7)] == [
            "0.0",
            "-0.0",
            "1.0",
            "72843.0",
            "398.91",
            "1000000000000000000000.0",
            "0.0000001",
        ]
