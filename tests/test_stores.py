"""The built graph in other RDF tools and stores: Debian's Raptor (`rapper`) and Serd (`serdi`)
parse every export; Oxigraph and Virtuoso 7 load the Turtle and answer every competency query
in ontology/queries/ with the same rows as rdflib.

Tools come from Debian packages (raptor2-utils, serdi, virtuoso-opensource); `need()` skips a
test locally when one is missing and fails it on CI, where .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, SDO

from conftest import REPO, need

QUERIES = sorted((REPO / "ontology" / "queries").glob("*.rq"))
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {
    XSD + t
    for t in (
        "integer",
        "decimal",
        "double",
        "float",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedLong",
        "unsignedInt",
    )
}
TEST_GRAPH = "http://govgraph/test"


# ----------------------------------------------------------------------- row normalisation
def norm(value: str | None, datatype: str | None = None) -> str:
    """One string per RDF term, the same whichever engine produced it: IRIs and literals by
    their lexical value (language tags and string datatypes dropped), numbers by value
    (``31``, ``31.0`` and ``3.1E1`` are all ``31``), unbound as the empty string."""
    if value is None:
        return ""
    if datatype in NUMERIC:
        d = Decimal(value)
        return "0" if d == 0 else format(d.normalize(), "f")
    return value


def rdflib_rows(graph, text: str) -> list[tuple[str, ...]]:
    import rdflib

    out = []
    for row in graph.query(text):
        out.append(
            tuple(
                norm(None)
                if v is None
                else norm(str(v), str(v.datatype) if isinstance(v, rdflib.Literal) and v.datatype else None)
                for v in row
            )
        )
    return out


def oxigraph_rows(store, text: str, **options) -> list[tuple[str, ...]]:
    import pyoxigraph

    result = store.query(text, **options)
    n = len(result.variables)
    out = []
    for row in result:
        cells = []
        for i in range(n):
            v = row[i]
            if v is None:
                cells.append(norm(None))
            elif isinstance(v, pyoxigraph.Literal):
                cells.append(norm(v.value, v.datatype.value))
            else:
                cells.append(norm(v.value))
        out.append(tuple(cells))
    return out


# ----------------------------------------------------------------------- Raptor and Serd
EXPORTS = {
    "ttl": ("turtle", "turtle"),
    "nt": ("ntriples", "ntriples"),
    "trig": ("trig", "trig"),
    "nq": ("nquads", "nquads"),
}


@pytest.mark.parametrize("ext", sorted(EXPORTS))
def test_rapper_parses_export(built, graph, ext):
    rapper = need("rapper")
    path = built / f"govgraph.{ext}"
    proc = subprocess.run([rapper, "-i", EXPORTS[ext][0], "-c", str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "error" not in proc.stderr.lower() and "warning" not in proc.stderr.lower(), proc.stderr
    if ext in ("ttl", "nt"):
        assert f"returned {len(graph)} triples" in proc.stderr, proc.stderr


@pytest.mark.parametrize("ext", sorted(EXPORTS))
def test_serdi_parses_export(built, graph, ext):
    serdi = need("serdi")
    path = built / f"govgraph.{ext}"
    proc = subprocess.run(
        [serdi, "-i", EXPORTS[ext][1], "-o", "ntriples" if ext in ("ttl", "nt") else "nquads", str(path)],
        capture_output=True,
        timeout=120,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr
    assert "error" not in stderr.lower(), stderr
    if ext in ("ttl", "nt"):
        lines = [ln for ln in proc.stdout.decode("utf-8").splitlines() if ln.strip()]
        assert len(lines) == len(graph)


def test_ontology_files_pass_rapper_and_serdi():
    rapper, serdi = need("rapper"), need("serdi")
    for name in ("govgraph.ttl", "shapes.ttl", "mechanisms.ttl"):
        path = REPO / "ontology" / name
        r = subprocess.run([rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0 and "error" not in r.stderr.lower(), (name, r.stderr)
        s = subprocess.run([serdi, "-i", "turtle", str(path)], capture_output=True, timeout=60)
        assert s.returncode == 0 and b"error" not in s.stderr.lower(), (name, s.stderr)


# ----------------------------------------------------------------------- Oxigraph
@pytest.fixture(scope="module")
def oxigraph_store(built):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    store = pyoxigraph.Store()
    store.load(path=str(built / "govgraph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def test_oxigraph_loads_every_triple(oxigraph_store, graph):
    assert len(oxigraph_store) == len(graph)


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_oxigraph_answers_like_rdflib(oxigraph_store, graph, query):
    text = query.read_text(encoding="utf-8")
    expected = rdflib_rows(graph, text)
    got = oxigraph_rows(oxigraph_store, text)
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("fmt,ext", [("nt", "nt"), ("trig", "trig"), ("nq", "nq")])
def test_oxigraph_reads_other_exports(built, graph, fmt, ext):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    formats = {
        "nt": pyoxigraph.RdfFormat.N_TRIPLES,
        "trig": pyoxigraph.RdfFormat.TRIG,
        "nq": pyoxigraph.RdfFormat.N_QUADS,
    }
    store = pyoxigraph.Store()
    store.load(path=str(built / f"govgraph.{ext}"), format=formats[fmt])
    # TriG / N-Quads hold one named graph per document; their union is the whole graph.
    triples = {(q.subject, q.predicate, q.object) for q in store}
    assert len(triples) == len(graph)


# ----------------------------------------------------------------------- N-Quads and TriG as datasets
SHARED_GRAPH = "https://w3id.org/govgraph/id/graph/shared"


@pytest.fixture(scope="module", params=["nq", "trig"])
def dataset_store(request, built):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    fmt = {"nq": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG}[request.param]
    store = pyoxigraph.Store()
    store.load(path=str(built / f"govgraph.{request.param}"), format=fmt)
    return store


def test_dataset_holds_each_triple_once(dataset_store, graph):
    """One graph per document and the shared graph; every triple of the Turtle is in exactly one named graph, and nothing else is."""
    quads = list(dataset_store)
    assert all(q.graph_name is not None and q.graph_name.value for q in quads)  # no default-graph triples
    triples = [(q.subject.value, q.predicate.value, q.object) for q in quads]
    assert len(triples) == len(set(triples)) == len(graph)
    graphs = {q.graph_name.value for q in quads}
    assert SHARED_GRAPH in graphs
    documents = {str(d) for d in graph.subjects(RDF.type, SDO.CreativeWork)}
    assert graphs - {SHARED_GRAPH} == documents


def test_dataset_puts_each_fact_in_the_first_stating_document(dataset_store):
    """An adoption (and its statement node) is in the graph of the first document, by name,
    whose evidence supports it; each stating document's graph links the statement to its own
    evidence; the shared graph holds no adoption."""
    q = """SELECT ?fact_graph ?statement_graph (MIN(STR(?doc)) AS ?first) (COUNT(DISTINCT ?doc) AS ?docs)
    WHERE {
      GRAPH ?fact_graph { ?i gg:adopts ?m }
      GRAPH ?statement_graph { ?st rdf:subject ?i ; rdf:predicate gg:adopts ; rdf:object ?m }
      GRAPH ?doc { ?st prov:wasDerivedFrom ?ev . ?ev a gg:Evidence }
    } GROUP BY ?i ?m ?fact_graph ?statement_graph"""
    from govgraph.sparql import prefixes

    rows = oxigraph_rows(dataset_store, q, prefixes=prefixes())
    assert rows and any(int(r[3]) > 1 for r in rows)  # some fact is stated by several documents
    for fact_graph, statement_graph, first, _ in rows:
        assert fact_graph == statement_graph == first
    shared = f"SELECT * WHERE {{ GRAPH <{SHARED_GRAPH}> {{ ?i gg:adopts ?m }} }}"
    assert oxigraph_rows(dataset_store, shared, prefixes=prefixes()) == []


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_dataset_union_answers_like_turtle(dataset_store, graph, query):
    """Queried over the union of its graphs (Oxigraph's union default graph), the dataset
    gives exactly the Turtle's rows: no repeated row, no inflated sum."""
    text = query.read_text(encoding="utf-8")
    expected = rdflib_rows(graph, text)
    got = oxigraph_rows(dataset_store, text, use_default_graph_as_union=True)
    assert sorted(got) == sorted(expected)


def test_dataset_of_a_multi_worker_build_is_the_same(built, tmp_path):
    """Two workers (Turtle written by range writers) give the same N-Quads and TriG bytes."""
    from govgraph.api import build

    out = tmp_path / "out"
    build(None, out, formats=("ttl", "trig", "nq"), workers=2, progress=False, page=False)
    for name in ("govgraph.nq", "govgraph.trig", "govgraph.ttl"):
        assert (out / name).read_bytes() == (built / name).read_bytes(), name


# ----------------------------------------------------------------------- Virtuoso 7
VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {d}/virtuoso.db
ErrorLogFile       = {d}/virtuoso.log
LockFile           = {d}/virtuoso.lck
TransactionFile    = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {d}/virtuoso-temp.db
TransactionFile    = {d}/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
MaxClientConnections     = 8
CheckpointInterval       = 0
CaseMode                 = 2
DirsAllowed              = ., {d}
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
ThreadsPerQuery          = 2

[HTTPServer]
ServerPort               = 127.0.0.1:{http_port}
ServerRoot               = {d}/www
MaxClientConnections     = 4
ServerThreads            = 4
Charset                  = UTF-8

[SPARQL]
ResultSetMaxRows         = 100000
MaxQueryExecutionTime    = 120
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A throw-away Virtuoso 7 server: temp database, 127.0.0.1 only, free ports."""

    def __init__(self, workdir: Path):
        self.dir = workdir
        self.server = need("virtuoso-t")
        self.isql_bin = need("isql-vt")
        self.sql_port, self.http_port = _free_port(), _free_port()
        while self.http_port == self.sql_port:
            self.http_port = _free_port()
        (workdir / "www").mkdir(parents=True, exist_ok=True)
        self.ini = workdir / "virtuoso.ini"
        self.ini.write_text(
            VIRTUOSO_INI.format(d=workdir, sql_port=self.sql_port, http_port=self.http_port), encoding="utf-8"
        )
        self.proc: subprocess.Popen | None = None
        self.start_seconds = 0.0

    def start(self, timeout: float = 120) -> None:
        t0 = time.monotonic()
        log = open(self.dir / "stdout.log", "wb")
        # -f: stay in the foreground, so the process is ours; own session = own process group.
        self.proc = subprocess.Popen(
            [self.server, "-f", "-c", str(self.ini)],
            cwd=self.dir,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}:\n{self.log_tail()}")
            if self._http_ready():
                self.start_seconds = time.monotonic() - t0
                return
            time.sleep(0.25)
        raise RuntimeError(f"virtuoso-t not ready after {timeout} s:\n{self.log_tail()}")

    def _http_ready(self) -> bool:
        try:
            self.sparql("ASK { }")
            return True
        except Exception:
            return False

    def log_tail(self) -> str:
        parts = []
        for name in ("virtuoso.log", "stdout.log"):
            p = self.dir / name
            if p.exists():
                parts.append(p.read_text(encoding="utf-8", errors="replace")[-3000:])
        return "\n".join(parts)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        except ProcessLookupError:
            pass

    def isql(self, sql: str) -> str:
        proc = subprocess.run(
            [self.isql_bin, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        out = proc.stdout + proc.stderr
        if proc.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql failed ({proc.returncode}): {out}")
        return out

    def load_turtle(self, path: Path, graph_iri: str) -> None:
        target = self.dir / "data.ttl"
        shutil.copyfile(path, target)
        self.isql(f"DB.DBA.TTLP_MT(file_to_string_output('{target}'), '', '{graph_iri}', 0); checkpoint;")

    def load_nquads(self, path: Path) -> None:
        """The bulk loader, as the README tells users to run it."""
        target = self.dir / "data.nq"
        shutil.copyfile(path, target)
        self.isql(f"ld_dir('{self.dir}', 'data.nq', 'http://govgraph/unused'); rdf_loader_run(); checkpoint;")

    def sparql(self, text: str, graph_iri: str | list[str] | None = None) -> dict:
        """`graph_iri`: the default graph, or a list of graphs whose merge is the default graph."""
        params: list[tuple[str, str]] = [("query", text)]
        for g in [graph_iri] if isinstance(graph_iri, str) else graph_iri or []:
            params.append(("default-graph-uri", g))
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.http_port}/sparql",
            data=urllib.parse.urlencode(params).encode("utf-8"),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(req, timeout=120) as resp:
            return json.loads(resp.read().decode("utf-8"))

    def rows(self, text: str, graph_iri: str | list[str]) -> list[tuple[str, ...]]:
        data = self.sparql(text, graph_iri)
        names = data["head"]["vars"]
        return [
            tuple(norm(b[v]["value"], b[v].get("datatype")) if v in b else norm(None) for v in names)
            for b in data["results"]["bindings"]
        ]


@pytest.fixture(scope="module")
def virtuoso(request, built, tmp_path_factory):
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    request.addfinalizer(server.stop)
    server.start()
    server.load_turtle(built / "govgraph.ttl", TEST_GRAPH)
    return server


def test_virtuoso_loads_every_triple(virtuoso, graph):
    data = virtuoso.sparql(f"SELECT (COUNT(*) AS ?n) FROM <{TEST_GRAPH}> WHERE {{ ?s ?p ?o }}")
    assert int(data["results"]["bindings"][0]["n"]["value"]) == len(graph)
    assert virtuoso.start_seconds < 120
    # listening on the loopback interface only
    ports = re.findall(r"^ServerPort\s*=\s*(\S+)", virtuoso.ini.read_text(), flags=re.M)
    assert len(ports) == 2 and all(p.startswith("127.0.0.1:") for p in ports)


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_virtuoso_answers_like_rdflib(virtuoso, graph, query):
    text = query.read_text(encoding="utf-8")
    expected = rdflib_rows(graph, text)
    got = virtuoso.rows(text, TEST_GRAPH)
    assert sorted(got) == sorted(expected)


def test_virtuoso_adopters_of_mechanism_by_isql(virtuoso, graph):
    """The same answer through the SQL side (isql and the SPARQL keyword), not only HTTP."""
    out = virtuoso.isql(
        f"SPARQL SELECT ?i FROM <{TEST_GRAPH}> WHERE {{ ?i <https://w3id.org/govgraph/ontology#adopts> "
        "<https://w3id.org/govgraph/id/mechanism/cross-execution> } ORDER BY ?i;"
    )
    got = sorted(ln.strip() for ln in out.splitlines() if ln.strip().startswith("https://"))
    import rdflib

    expected = sorted(
        str(s)
        for s in graph.subjects(
            rdflib.URIRef("https://w3id.org/govgraph/ontology#adopts"),
            rdflib.URIRef("https://w3id.org/govgraph/id/mechanism/cross-execution"),
        )
    )
    assert got == expected and expected


@pytest.mark.slow
def test_virtuoso_nquads_union_answers_like_turtle(virtuoso, built, graph):
    """The README's bulk load (`ld_dir` + `rdf_loader_run`) of govgraph.nq, queried over the
    merge of its graphs (one `default-graph-uri` per graph, as `FROM` clauses would), gives
    the Turtle's rows for every shipped query."""
    virtuoso.load_nquads(built / "govgraph.nq")
    graphs = sorted({line.rsplit(" ", 2)[-2][1:-1] for line in (built / "govgraph.nq").read_text("utf-8").splitlines()})
    assert SHARED_GRAPH in graphs
    for query in QUERIES:
        text = query.read_text(encoding="utf-8")
        assert sorted(virtuoso.rows(text, graphs)) == sorted(rdflib_rows(graph, text)), query.stem


# ----------------------------------------------------------------------- rdflib over the store (oxrdflib)
@pytest.fixture(scope="module")
def oxrdflib_graph(built):
    pytest.importorskip("oxrdflib")
    from govgraph.store import rdflib_graph

    return rdflib_graph(built / "govgraph.ttl")


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_rdflib_over_the_store_answers_like_rdflib(oxrdflib_graph, graph, query):
    """The README's two Python ways, `rdflib.Graph().parse(...)` and rdflib's API over the
    graph's Oxigraph store, give the same rows for every shipped query."""
    text = query.read_text(encoding="utf-8")
    assert len(oxrdflib_graph) == len(graph)
    assert sorted(rdflib_rows(oxrdflib_graph, text)) == sorted(rdflib_rows(graph, text))
