"""`govgraph query` and `view` over the graph's Oxigraph store: standard result formats, limits
(remote access, time, memory), clean errors for every SPARQL form, a closed pipe."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time

import pytest

from conftest import REPO

ADOPTERS = REPO / "ontology" / "queries" / "adopters_of_mechanism.rq"


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    from govgraph.cli import main

    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def ttl(built):
    return str(built / "govgraph.ttl")


def test_json_is_sparql_results_json(ttl, capsys):
    code, out, _ = run(["query", str(ADOPTERS), "-g", ttl, "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["head"]["vars"] == ["institution", "name", "region", "regionName"]
    first = data["results"]["bindings"][0]
    assert first["institution"]["type"] == "uri" and first["name"]["xml:lang"] == "zh"
    q = "SELECT ?i ?x WHERE { ?i gg:adopts ?m OPTIONAL { ?i gg:noSuchProperty ?x } } LIMIT 1"
    _, out, _ = run(["query", q, "-g", ttl, "--format", "json"], capsys)
    assert list(json.loads(out)["results"]["bindings"][0]) == ["i"]  # unbound: left out


def test_csv_and_tsv_are_the_w3c_formats(ttl, capsys):
    _, out, _ = run(["query", str(ADOPTERS), "-g", ttl, "--format", "csv"], capsys)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["institution", "name", "region", "regionName"] and len(rows) > 1
    _, out, _ = run(["query", str(ADOPTERS), "-g", ttl, "--format", "tsv"], capsys)
    lines = out.splitlines()
    assert lines[0] == "?institution\t?name\t?region\t?regionName"
    assert lines[1].startswith("<https://w3id.org/govgraph/id/institution/") and '"@zh' in lines[1]


@pytest.mark.parametrize(
    "query, fmt, expected",
    [
        ("ASK { ?i gg:adopts ?m }", "table", "true\n"),
        ("ASK { ?i gg:adopts ?i }", "table", "false\n"),
        ("ASK { ?i gg:adopts ?m }", "json", '{"head":{},"boolean":true}\n'),
    ],
)
def test_ask(ttl, capsys, query, fmt, expected):
    assert run(["query", query, "-g", ttl, "--format", fmt], capsys)[1] == expected


def test_construct_and_describe_give_graphs(ttl, capsys):
    import rdflib

    code, out, _ = run(["query", "CONSTRUCT WHERE { ?i gg:adopts ?m } LIMIT 3", "-g", ttl], capsys)
    assert code == 0 and len(rdflib.Graph().parse(data=out, format="turtle")) == 3
    q = "DESCRIBE ?m WHERE { ?m skos:prefLabel '交叉执行'@zh }"
    code, out, _ = run(["query", q, "-g", ttl, "--format", "json"], capsys)
    assert code == 0 and len(rdflib.Graph().parse(data=out, format="json-ld")) > 3
    code, _, err = run(["query", q, "-g", ttl, "--format", "csv"], capsys)
    assert code == 2 and "gives a graph" in err


@pytest.mark.parametrize(
    "query, message",
    [
        ("SELECT * WHERE { ?s ?p ?o FILTER( }", "line 1, column 36"),  # no hidden prefix lines before it
        ("SELECT *\nWHERE {\n  ?s gg:x ?y ?z }", "line 3, column"),
        ("SELECT ?x WHERE { ?s zz:p ?x }", "zz"),
        ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "--allow-remote"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "--allow-remote"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "--allow-remote"),
        ("ASK { SERVICE SILENT ?where { ?s ?p ?o } }", "--allow-remote"),
        ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "--allow-remote"),  # escaped
        ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://x.invalid/> { ?s ?q ?r } } }", "--allow-remote"),
        ("LOAD <http://example.org/data.ttl>", "update"),
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "update"),
        ("CLEAR ALL", "update"),
    ],
)
def test_clean_errors(ttl, capsys, query, message):
    code, out, err = run(["query", query, "-g", ttl], capsys)
    assert code == 2 and out == ""
    assert message in err and "internal error" not in err and "Traceback" not in err


def test_service_and_from_in_strings_and_comments_are_not_clauses(ttl, capsys):
    q = 'SELECT ?n WHERE { ?i rdfs:label ?n FILTER(?n != "SERVICE <http://x/> FROM <http://y/>") } # SERVICE\nLIMIT 1'
    code, out, err = run(["query", q, "-g", ttl, "--format", "csv"], capsys)
    assert code == 0 and len(out.splitlines()) == 2, err


def test_allow_remote_lets_service_through(ttl, capsys):
    # nothing listens there: the query gets as far as trying, and fails cleanly
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    code, _, err = run(["query", q, "-g", ttl, "--allow-remote"], capsys)
    assert code == 2 and "--allow-remote" not in err and "internal error" not in err


def test_allow_remote_fetches_a_from_graph(ttl, tmp_path, capsys):
    """With --allow-remote, a FROM graph the file lacks is fetched (here from a local server)."""
    import functools
    import http.server
    import threading

    (tmp_path / "extra.ttl").write_text("<http://ex.org/a> <http://ex.org/p> 1, 2 .\n", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/extra.ttl"
        q = f"SELECT (SUM(?v) AS ?n) FROM <{url}> WHERE {{ ?s <http://ex.org/p> ?v }}"
        code, _, err = run(["query", q, "-g", ttl, "--format", "csv"], capsys)
        assert code == 2 and "--allow-remote" in err
        code, out, err = run(["query", q, "-g", ttl, "--format", "csv", "--allow-remote"], capsys)
        assert code == 0, err
        assert out.splitlines() == ["n", "3"]
    finally:
        server.shutdown()


def test_from_names_a_graph_of_a_dataset(built, capsys):
    nq = str(built / "govgraph.nq")
    q = "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/govgraph/id/graph/shared> WHERE { ?i a org:Organization }"
    code, out, _ = run(["query", q, "-g", nq, "--format", "csv"], capsys)
    assert code == 0 and int(out.splitlines()[1]) > 0
    q = q.replace("?i a org:Organization", "?i gg:adopts ?m")  # facts are in the documents' graphs
    code, out, _ = run(["query", q, "-g", nq, "--format", "csv"], capsys)
    assert code == 0 and int(out.splitlines()[1]) == 0
    # without FROM the default graph is the union of the dataset's graphs
    code, out, _ = run(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-g", nq, "--format", "csv"], capsys)
    assert int(out.splitlines()[1]) == len(open(nq, encoding="utf-8").read().splitlines())


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_timeout_stops_the_query(ttl, capsys):
    t0 = time.monotonic()
    code, _, err = run(["query", CARTESIAN, "-g", ttl, "--timeout", "2"], capsys)
    assert code == 2 and "stopped after 2 s" in err
    assert time.monotonic() - t0 < 30


def test_memory_guard_stops_the_query(ttl, capsys):
    q = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"  # sorting holds every row
    code, _, err = run(["query", q, "-g", ttl, "--max-memory", "600MB", "--timeout", "120"], capsys)
    assert code == 2 and "out of memory" in err, err


def test_closed_pipe_ends_quietly(ttl):
    """`govgraph query ... | head -1`: exit 0, nothing on stderr."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "govgraph", "query", "SELECT * WHERE { ?s ?p ?o }", "-g", ttl, "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    code = proc.wait(timeout=120)
    assert code == 0 and proc.stderr.read() == b""


def test_store_is_made_once_and_reused(built, tmp_path, monkeypatch):
    from govgraph import api

    monkeypatch.setenv("GOVGRAPH_STORE_DIR", str(tmp_path / "stores"))
    first = api.query(str(ADOPTERS), built / "govgraph.ttl", "csv")
    stores = [p for p in (tmp_path / "stores").iterdir() if p.is_dir()]
    assert len(stores) == 1
    made = (stores[0].stat().st_ino, (stores[0] / "govgraph-store-complete").stat().st_mtime_ns)
    assert api.query(str(ADOPTERS), built / "govgraph.ttl", "csv") == first
    again = [p for p in (tmp_path / "stores").iterdir() if p.is_dir()]
    assert [(p.stat().st_ino, (p / "govgraph-store-complete").stat().st_mtime_ns) for p in again] == [made]
    # a different graph file (a copy with one more triple) gets a store of its own
    other = tmp_path / "other.ttl"
    other.write_text((built / "govgraph.ttl").read_text("utf-8") + "<http://a> <http://b> <http://c> .\n", "utf-8")
    api.query("ASK { <http://a> ?p ?o }", other)
    assert len([p for p in (tmp_path / "stores").iterdir() if p.is_dir()]) == 2
    # a rewritten graph file is hashed again (its stamps changed): never a stale store
    other.write_text((built / "govgraph.ttl").read_text("utf-8"), "utf-8")
    assert api.query("ASK { <http://a> ?p ?o }", other) == "false\n"


@pytest.mark.parametrize("name", ["govgraph.ttl", "govgraph.nq"])
def test_view_from_the_store_is_the_rdflib_view(built, graph, name):
    from govgraph import store_view
    from govgraph.store import open_store
    from rdflib_view import to_networkx

    got = store_view.to_networkx(open_store(built / name))
    expected = to_networkx(graph)
    assert dict(got.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(got.edges(keys=True, data=True)) == sorted(expected.edges(keys=True, data=True))


def test_a_graph_file_that_does_not_parse_is_a_clean_error(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    code, _, err = run(["query", "ASK {}", "-g", str(bad)], capsys)
    assert code == 2 and "cannot load" in err and "line 1" in err and "internal error" not in err
    code, _, err = run(["query", "ASK {}", "-g", str(tmp_path / "graph.xml")], capsys)
    assert code == 2 and "not found" in err


@pytest.mark.parametrize(
    "query, may",
    [
        # the word only inside what holds no keyword: no parse needed
        ("SELECT ?e WHERE { ?f prov:wasDerivedFrom ?e }", False),
        ("# taken from the text\nSELECT * WHERE { ?s ?p ?o }", False),
        ("SELECT * WHERE { ?s ?p 'from' . ?s ?q \"service\" . ?s ?r '''FROM'''}", False),
        ("SELECT ?from ?service WHERE { ?from <http://x/service> $service }", False),
        ("SELECT * WHERE { ?s ?p 'x'@from }", False),
        # a clause, however it is written
        ("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }", True),
        ("SELECT * FROM:g WHERE { ?s ?p ?o }", True),
        ("SELECT * WHERE { SERVICE:x { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?s ?p ?o .SERVICE <http://x/> {} }", True),
        ("SELECT * WHERE { ?s ?p 1SERVICE <http://x/> {} }", True),
        ("SELECT * WHERE { ?s ?p '#'SERVICE <http://x/> {} }", True),
        ("SELECT * WHERE { ?s ?p '''a''b'''SERVICE <http://x/> {} }", True),
        ("SELECT * WHERE { ?s ?p <http://x/a'b> SERVICE <http://x/> { ?s ?p 'c' } }", True),
        ("SELECT * WHERE { ?s ex:p?o } # ok\nService <http://x/> {}", True),
        ("SELECT * WHERE { ?s ?p '\\u0027 SERVICE <http://x/> {} }", True),  # an escape may end a string
    ],
)
def test_may_reach_out_misses_no_clause(query, may):
    from govgraph.sparql import may_reach_out

    assert may_reach_out(query) is may


def test_shipped_queries_need_no_parse_in_the_parent():
    from govgraph.sparql import may_reach_out

    for q in (REPO / "ontology" / "queries").glob("*.rq"):
        assert not may_reach_out(q.read_text(encoding="utf-8")), q.name


def test_open_graph_answers_as_the_command_does(built, ttl):
    """The library keeps the store open; each query runs in a fork, with the same guards, and
    the caller's own process is never capped."""
    import resource

    from govgraph import api
    from govgraph.errors import GovgraphError

    before = resource.getrlimit(resource.RLIMIT_AS)
    g = api.open_graph(ttl)
    for fmt in ("csv", "json", "table"):
        assert g.query(str(ADOPTERS), fmt) == api.query(str(ADOPTERS), ttl, fmt)
    with pytest.raises(GovgraphError, match="stopped after 1 s"):
        g.query(CARTESIAN, timeout=1)
    with pytest.raises(GovgraphError, match="line 1, column 36"):
        g.query("SELECT * WHERE { ?s ?p ?o FILTER( }")
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    nq = api.open_graph(built / "govgraph.nq")  # a dataset: the default graph is the union
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?i gg:adopts ?m }"
    assert nq.query(count, "csv") == g.query(count, "csv")


def test_open_graph_answers_the_same_unguarded_in_this_process(built, ttl, monkeypatch):
    """`guarded=False` runs the query here, without a fork: the same text, the same errors."""
    from govgraph import api
    from govgraph.errors import GovgraphError

    g = api.open_graph(ttl)
    for fmt in ("csv", "json", "table"):
        assert g.query(str(ADOPTERS), fmt, guarded=False) == g.query(str(ADOPTERS), fmt)
    with pytest.raises(GovgraphError, match="line 1, column 36"):
        g.query("SELECT * WHERE { ?s ?p ?o FILTER( }", guarded=False)
    nq = api.open_graph(built / "govgraph.nq")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?i gg:adopts ?m }"
    assert nq.query(count, "csv", guarded=False) == g.query(count, "csv")
    expected = g.query(str(ADOPTERS), "csv")

    def no_fork():
        raise OSError("no fork here")

    monkeypatch.setattr(os, "fork", no_fork)
    assert g.query(str(ADOPTERS), "csv", guarded=False) == expected
    with pytest.raises((OSError, GovgraphError)):
        g.query(str(ADOPTERS), "csv")  # the guarded way forks


def test_query_command_starts_without_the_build_modules():
    """`govgraph query` imports what a query needs, not the extraction rules (most of the
    command's start-up otherwise), nor the model's lexicons (it needs only the prefixes), nor
    the standard modules only a new store needs (a query's start-up is most of the time a
    short query takes)."""
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "sys.argv = ['govgraph', 'query', 'ASK {}']\n"
        "import govgraph.__main__ as m\n"
        "unwanted = ('govgraph.build', 'govgraph.extract', 'govgraph.model', 'govgraph.lexicon', 'govgraph.records',\n"
        "            'dataclasses', 'subprocess', 'hashlib')\n"
        "print(m.console.__module__, sorted(n for n in set(sys.modules) - before if n.startswith(unwanted)))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == ["govgraph.cli_base", "[]"]


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="CPU affinity is Linux's")
def test_the_store_loader_runs_on_one_cpu(tmp_path):
    """Oxigraph's bulk loader holds a batch of quads per thread and starts a thread per CPU it
    may use: the loader child keeps to one CPU, so a store's making does not take more memory
    on a machine with more cores."""
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://a> <http://b> <http://c> .\n", "utf-8")
    code = (
        "import os, sys\n"
        "from govgraph.store import load_job\n"
        "load_job({'graph': sys.argv[1], 'folder': sys.argv[2]})\n"
        "print(len(os.sched_getaffinity(0)))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    argv = [sys.executable, "-c", code, str(graph), str(tmp_path / "store")]
    out = subprocess.run(argv, capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == ["1"]
    import pyoxigraph

    assert len(pyoxigraph.Store.read_only(str(tmp_path / "store"))) == 1
