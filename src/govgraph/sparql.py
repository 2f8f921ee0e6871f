"""`govgraph query`: run one SPARQL query over a built graph, safely, in standard formats.

* The graph is read from its Oxigraph store (`govgraph.store`), made on first use.
* The query is parsed first (rdflib's parser, with the project's prefixes given as initial
  namespaces, so error positions are those of the user's own text). What it would reach
  outside the graph is read from the parsed query, not from its text: `SERVICE` is refused
  unless `allow_remote`, as is a `FROM` / `FROM NAMED` naming a graph the graph file does not
  hold (with `allow_remote` it is fetched over http(s) into a copy of the store); updates
  (`LOAD`, `INSERT` …) are refused always: the store is read-only.
* It runs in a child process whose address space is capped (`max_memory`, RLIMIT_AS) and
  which is killed at `timeout` seconds; its output comes back through a pipe, so a reader
  that goes away (`| head`) just ends the query.
* Results: SELECT as SPARQL 1.1 Query Results JSON (`json`), the W3C CSV / TSV formats
  (`csv`, `tsv`) or an aligned table for people (`table`); ASK as `true`/`false` (JSON:
  `{"head": {}, "boolean": …}`); CONSTRUCT / DESCRIBE as Turtle (`table`) or JSON-LD (`json`).
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import select
import signal
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GovgraphError
from .model import DEFAULT_BASE, project_prefixes
from .store import child_process, is_dataset, store_path

FORMATS = ("table", "csv", "tsv", "json")
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_MEMORY = 4 * 1000**3
EXIT_MEMORY = 3  # the child ran out of memory
_UPDATE = "this is a SPARQL update (LOAD, INSERT, DELETE, CLEAR …): govgraph query runs queries only"
# \u and \U: SPARQL allows code-point escapes anywhere, so an escaped keyword is parsed too
_MAY_REACH_OUT = re.compile(r"service|from|\\u", re.IGNORECASE)
_REMOTE_MAX_BYTES = 100_000_000  # a FROM graph fetched with --allow-remote
_RDF_ACCEPT = "text/turtle, application/n-triples, application/ld+json, application/rdf+xml;q=0.9, */*;q=0.1"


@dataclass
class Checked:
    """What the parsed query asks for."""

    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    default_graphs: list[str] = field(default_factory=list)  # FROM
    named_graphs: list[str] = field(default_factory=list)  # FROM NAMED
    services: list[str] = field(default_factory=list)  # SERVICE endpoints (variables as ?name)


def prefixes() -> dict[str, str]:
    """The prefixes every query may use without declaring them."""
    return project_prefixes(DEFAULT_BASE)


def read_query(query_or_file: str) -> str:
    q = query_or_file
    if q.endswith(".rq") or (len(q) < 300 and "\n" not in q and Path(q).is_file()):
        p = Path(q)
        if not p.is_file():
            raise GovgraphError(f"{p}: query file not found")
        try:
            return p.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise GovgraphError(f"{p}: cannot read the query ({e})") from None
    return q


def check(text: str, allow_remote: bool = False) -> Checked:
    """Parse the query; refuse updates, and remote access unless `allow_remote`.

    SERVICE and FROM are keywords, written letter for letter (in any case): a text that
    holds neither word anywhere has neither clause, and needs no parse here (rdflib's SPARQL
    parser takes longer to import than most queries take to run); Oxigraph parses it in the
    child and reports any syntax error."""
    if not _MAY_REACH_OUT.search(text):
        return Checked("")
    return _parsed(text, allow_remote)


def _parsed(text: str, allow_remote: bool) -> Checked:
    """`check` through rdflib's parser."""
    from rdflib.plugins.sparql.algebra import translateQuery, traverse
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable

    try:
        parsed = parseQuery(text)
    except Exception as e:
        if _is_update(parseUpdate, text):
            raise GovgraphError(_UPDATE) from None
        raise GovgraphError(f"query syntax error: {_syntax_message(text, e)}") from None
    try:
        algebra = translateQuery(parsed, initNs=prefixes()).algebra
    except Exception as e:  # an undeclared prefix, a variable used twice in SELECT …
        raise GovgraphError(f"query error: {e}") from None
    form = algebra.name.replace("Query", "").upper()
    out = Checked(form)
    for clause in algebra.get("datasetClause") or []:
        if "named" in clause:
            out.named_graphs.append(str(clause["named"]))
        elif "default" in clause:
            out.default_graphs.append(str(clause["default"]))

    def visit(node):
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            t = node.term
            out.services.append(f"?{t}" if isinstance(t, Variable) else str(t))

    traverse(algebra, visitPre=visit)
    if out.services and not allow_remote:
        raise GovgraphError(
            f"SERVICE {out.services[0]}: the query would send data to another endpoint; refused (use --allow-remote)"
        )
    return out


def oxigraph_position(message: str) -> str:
    """Oxigraph's "error at 3:18: expected …" in the words of the other messages."""
    m = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    return f"line {m[1]}, column {m[2]}: {m[3]}" if m else message


def _is_update(parse_update, text: str) -> bool:
    try:
        parse_update(text)
    except Exception:
        return False
    return True


def _syntax_message(text: str, e: Exception) -> str:
    """Where the query goes wrong, in the user's own lines and columns. Oxigraph's parser
    names the exact token and what it expected; rdflib's names the rule it was in. Oxigraph
    is asked only when the text has no SERVICE (an ASK is evaluated as it is parsed, and a
    parse that succeeded would have reached out)."""
    if "SERVICE" not in text.upper():
        import pyoxigraph

        try:
            pyoxigraph.Store().query(text, prefixes=prefixes())
        except SyntaxError as oxi:
            return oxigraph_position(str(oxi))
        except Exception:
            pass
    line, col = getattr(e, "lineno", None), getattr(e, "col", None)
    msg = getattr(e, "msg", None) or str(e).split("  (at char")[0]
    return f"line {line}, column {col}: {msg}" if line is not None else str(e)


# ---------------------------------------------------------------- running, in a child process


def run(
    query_or_file: str,
    graph: str | Path,
    fmt: str = "table",
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_memory: int = DEFAULT_MAX_MEMORY,
    allow_remote: bool = False,
    out=None,
) -> None:
    """Run the query over `graph` and write its results to `out` (default: sys.stdout).
    Raises GovgraphError on any problem; returns quietly when `out` is closed early."""
    if fmt not in FORMATS:
        raise GovgraphError(f"unknown format {fmt} (choose from {', '.join(FORMATS)})")
    if timeout <= 0:
        raise GovgraphError("--timeout must be more than 0 seconds")
    text = read_query(query_or_file)
    checked = check(text, allow_remote)
    graph = Path(graph)
    folder = store_path(graph)
    out = sys.stdout if out is None else out
    job = {
        "folder": str(folder),
        "text": text,
        "graphs": checked.default_graphs + checked.named_graphs,
        "fmt": fmt,
        "union": is_dataset(graph),
        "max_memory": max_memory,
        "allow_remote": allow_remote,
    }
    try:
        _supervise(child_process("query", json.dumps(job)), out, timeout, max_memory)
    except GovgraphError as e:
        raise _explain(text, e) from None


def _supervise(proc, out, timeout: float, max_memory: int) -> None:
    """Copy the child's output to `out` until it ends, `timeout` passes or `out` closes."""
    assert proc.stdout is not None and proc.stderr is not None
    deadline = time.monotonic() + timeout
    sink = getattr(out, "buffer", None)
    streams = {proc.stdout.fileno(): "out", proc.stderr.fileno(): "err"}
    errors = bytearray()
    try:
        while streams:
            left = deadline - time.monotonic()
            if left <= 0:
                raise GovgraphError(f"query stopped after {timeout:g} s (--timeout)")
            ready, _, _ = select.select(list(streams), [], [], min(left, 1.0))
            for fd in ready:
                data = os.read(fd, 1 << 16)
                if not data:
                    del streams[fd]
                elif streams[fd] == "err":
                    errors += data[: max(0, 10_000 - len(errors))]
                elif sink is not None:
                    sink.write(data)
                else:
                    out.write(data.decode("utf-8", "replace"))
        out.flush()
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        _silence_stdout(out)
        return
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    message = errors.decode("utf-8", "replace").strip()
    code = proc.returncode
    if code == 0:
        return
    if code == EXIT_MEMORY or code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
        raise GovgraphError(f"query ran out of memory (limit {max_memory / 1e9:g} GB)")
    raise GovgraphError(message.splitlines()[-1] if message else f"query failed (exit {code})")


def _explain(text: str, error: GovgraphError) -> GovgraphError:
    """A syntax error Oxigraph found, said better where rdflib can: an update, an undeclared
    prefix."""
    if not str(error).startswith("query syntax error"):
        return error
    try:
        _parsed(text, allow_remote=True)
    except GovgraphError as e:
        if not str(e).startswith("query syntax error"):
            return e
    return error


def _silence_stdout(out) -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush says nothing."""
    try:
        fd = out.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def answer_job(job: dict, sink) -> None:
    """What the child does (`govgraph._sparql_child`): cap its memory, answer, write to `sink`."""
    limit = int(job["max_memory"])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    checked = Checked("", default_graphs=list(job["graphs"]))
    _answer(sink, Path(job["folder"]), job["text"], checked, job["fmt"], bool(job["union"]), bool(job["allow_remote"]))


def _answer(sink, folder: Path, text: str, checked: Checked, fmt: str, union: bool, allow_remote: bool) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(folder))
    remote = [
        iri
        for iri in dict.fromkeys(checked.default_graphs + checked.named_graphs)
        if not store.contains_named_graph(ox.NamedNode(iri))
    ]
    if remote and not allow_remote:
        raise GovgraphError(
            f"FROM <{remote[0]}>: the graph file holds no graph of that name; fetching it is refused"
            " (use --allow-remote)"
        )
    if remote:
        store = _with_remote_graphs(store, remote)
    # a dataset's default graph is the union of its graphs, unless the query names its own
    as_union = union and not (checked.default_graphs or checked.named_graphs)
    result = store.query(text, prefixes=prefixes(), use_default_graph_as_union=as_union)
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            result.serialize(sink, ox.QueryResultsFormat.JSON)
            sink.write(b"\n")
        else:
            sink.write(b"true\n" if bool(result) else b"false\n")
    elif isinstance(result, ox.QueryTriples):
        if fmt in ("csv", "tsv"):
            raise GovgraphError(
                "a CONSTRUCT or DESCRIBE query gives a graph: use --format table (Turtle) or json (JSON-LD)"
            )
        rdf = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
        # minted IRIs (under ggr:) hold slashes, which prefixed names would have to escape
        ox.serialize(result, sink, rdf, prefixes={k: v for k, v in prefixes().items() if k != "ggr"})
    elif fmt == "table":
        sink.write(table(result).encode("utf-8"))
    else:
        names = {"json": "JSON", "csv": "CSV", "tsv": "TSV"}
        result.serialize(sink, getattr(ox.QueryResultsFormat, names[fmt]))
        if fmt == "json":
            sink.write(b"\n")


def _with_remote_graphs(store, iris: list[str]):
    """An in-memory copy of the store with each remote graph fetched (http and https only,
    at most `_REMOTE_MAX_BYTES` each) into a graph of its IRI."""
    import urllib.request

    import pyoxigraph as ox

    copy = ox.Store()
    copy.bulk_extend(store)
    for iri in iris:
        if not iri.lower().startswith(("http://", "https://")):
            raise GovgraphError(f"FROM <{iri}>: only http and https graphs are fetched")
        request = urllib.request.Request(iri, headers={"Accept": _RDF_ACCEPT})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                data = response.read(_REMOTE_MAX_BYTES + 1)
                media = response.headers.get_content_type()
        except OSError as e:
            raise GovgraphError(f"FROM <{iri}>: cannot fetch ({e})") from None
        if len(data) > _REMOTE_MAX_BYTES:
            raise GovgraphError(f"FROM <{iri}>: larger than {_REMOTE_MAX_BYTES // 1_000_000} MB")
        rdf = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.from_extension(iri.rsplit(".", 1)[-1])
        if rdf is None:
            raise GovgraphError(f"FROM <{iri}>: not an RDF format ({media})")
        try:
            copy.load(data, format=rdf, to_graph=ox.NamedNode(iri), base_iri=iri)
        except SyntaxError as e:
            raise GovgraphError(f"FROM <{iri}>: cannot parse ({e})") from None
    return copy


def cell(term) -> str:
    """A term as people read it: an IRI or a literal's text, a blank node as _:id."""
    if term is None:
        return ""
    import pyoxigraph as ox

    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term.value)


def _width(s: str) -> int:  # Chinese characters take two columns in a terminal
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def table(result) -> str:
    names = [v.value for v in result.variables]
    rows = [[cell(row[i]) for i in range(len(names))] for row in result]
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    buf = io.StringIO()
    buf.write(line(names) + "\n")
    buf.write("  ".join("-" * w for w in widths) + "\n")
    for r in rows:
        buf.write(line(r) + "\n")
    buf.write(f"({len(rows)} rows)\n")
    return buf.getvalue()
