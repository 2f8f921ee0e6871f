"""`govgraph query`: run one SPARQL query over a built graph, safely, in standard formats.

* The graph is read from its Oxigraph store (`govgraph.store`), made on first use.
* The query is parsed first (rdflib's parser, with the project's prefixes given as initial
  namespaces, so error positions are those of the user's own text). What it would reach
  outside the graph is read from the parsed query, not from its text: `SERVICE` is refused
  unless `allow_remote`, as is a `FROM` / `FROM NAMED` naming a graph the graph file does not
  hold (with `allow_remote` it is fetched over http(s) into a copy of the store); updates
  (`LOAD`, `INSERT` …) are refused always: the store is read-only.
* It runs in a forked child (`govgraph.guard`: no second interpreter start-up) whose address
  space may grow by at most `max_memory` (RLIMIT_AS) and which is killed at `timeout`
  seconds; its output comes back through a pipe, so a reader that goes away (`| head`) just
  ends the query. `run` takes a graph file, `run_on_store` a store the caller keeps open.
* Results: SELECT as SPARQL 1.1 Query Results JSON (`json`), the W3C CSV / TSV formats
  (`csv`, `tsv`) or an aligned table for people (`table`); ASK as `true`/`false` (JSON:
  `{"head": {}, "boolean": …}`); CONSTRUCT / DESCRIBE as Turtle (`table`) or JSON-LD (`json`).
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from .errors import GovgraphError
from .guard import run_guarded
from .namespaces import DEFAULT_BASE, project_prefixes
from .store import is_dataset, store_path

FORMATS = ("table", "csv", "tsv", "json")
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_MEMORY = 4 * 1000**3
_UPDATE = "this is a SPARQL update (LOAD, INSERT, DELETE, CLEAR …): govgraph query runs queries only"
_REACH_OUT_WORD = re.compile(r"service|from", re.IGNORECASE)
# the SPARQL terminals that hold no keyword, in the grammar's own terms: long and short
# strings, IRIs, comments, variables, language tags, and a prefixed name's colon and local
# part (its prefix stays: `SERVICE:x` is a SERVICE clause with the IRI `:x`)
_NOT_KEYWORDS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
    r"|[?$]\w+"
    r"|@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"
    r"|:(?:[\w.:%-]|\\.)*",
    re.S,
)
_REMOTE_MAX_BYTES = 100_000_000  # a FROM graph fetched with --allow-remote
_RDF_ACCEPT = "text/turtle, application/n-triples, application/ld+json, application/rdf+xml;q=0.9, */*;q=0.1"


class Checked:
    """What the parsed query asks for. (A plain class: `dataclasses` takes 5 ms to import,
    a tenth of the command's start-up.)"""

    def __init__(self, form: str) -> None:
        self.form = form  # SELECT, ASK, CONSTRUCT, DESCRIBE
        self.default_graphs: list[str] = []  # FROM
        self.named_graphs: list[str] = []  # FROM NAMED
        self.services: list[str] = []  # SERVICE endpoints (variables as ?name)


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

    SERVICE and FROM are keywords, written letter for letter (in any case): a text that holds
    neither word outside its strings, IRIs, comments, variables and the local parts of its
    prefixed names has neither clause, and needs no parse here (rdflib's SPARQL parser takes
    a second to import, longer than most queries take to run); Oxigraph parses it in the
    child and reports any syntax error. A code-point escape (\\u) may spell anything, even
    the end of a string, so a text with one is always parsed."""
    if not may_reach_out(text):
        return Checked("")
    return _parsed(text, allow_remote)


def may_reach_out(text: str) -> bool:
    """Whether the text may hold a SERVICE or FROM clause (see `check`): False only when it
    cannot."""
    if "\\u" in text.lower():
        return True
    return bool(_REACH_OUT_WORD.search(_NOT_KEYWORDS.sub(" ", text)))


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


# ---------------------------------------------------------------- running, in a forked child


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
    """Run the query over `graph` (a graph file; its store is made on first use) and write its
    results to `out` (default: sys.stdout). Raises GovgraphError on any problem; returns
    quietly when `out` is closed early. The store is opened in the child that runs the query."""
    text, checked = _prepared(query_or_file, fmt, timeout, allow_remote)
    graph = Path(graph)
    folder, union = store_path(graph), is_dataset(graph)

    def work(sink) -> None:
        import pyoxigraph

        _answer(sink, pyoxigraph.Store.read_only(str(folder)), text, checked, fmt, union, allow_remote)

    _guarded(work, text, out, timeout, max_memory)


def run_on_store(
    store,
    query_or_file: str,
    fmt: str = "table",
    *,
    union: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_memory: int = DEFAULT_MAX_MEMORY,
    allow_remote: bool = False,
    out=None,
    guarded: bool = True,
) -> None:
    """`run` over an already open pyoxigraph store (see `govgraph.api.open_graph`): the query
    runs in a fork of this process, which has the store open already. `union`: the default
    graph is the union of the named graphs (a dataset's store). `guarded=False`: in this
    process, with no fork and no time or memory limit (for queries known to be cheap, where
    a fork's milliseconds count)."""
    text, checked = _prepared(query_or_file, fmt, timeout, allow_remote)

    def work(sink) -> None:
        _answer(sink, store, text, checked, fmt, union, allow_remote)

    if guarded:
        _guarded(work, text, out, timeout, max_memory)
        return
    buf = io.BytesIO()
    try:
        work(buf)
    except GovgraphError as e:
        raise _explain(text, e) from None
    target: Any = sys.stdout if out is None else out  # a text or binary stream, as for the guarded way
    target.write(buf.getvalue().decode("utf-8") if isinstance(target, io.TextIOBase) else buf.getvalue())


def _prepared(query_or_file: str, fmt: str, timeout: float, allow_remote: bool) -> tuple[str, Checked]:
    if fmt not in FORMATS:
        raise GovgraphError(f"unknown format {fmt} (choose from {', '.join(FORMATS)})")
    if timeout <= 0:
        raise GovgraphError("--timeout must be more than 0 seconds")
    text = read_query(query_or_file)
    return text, check(text, allow_remote)


def _guarded(work, text: str, out, timeout: float, max_memory: int) -> None:
    try:
        run_guarded(work, sys.stdout if out is None else out, timeout=timeout, max_memory=max_memory)
    except GovgraphError as e:
        raise _explain(text, e) from None


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


def _answer(sink, store, text: str, checked: Checked, fmt: str, union: bool, allow_remote: bool) -> None:
    """What the child does: check the FROM graphs, run the query, write the results."""
    import pyoxigraph as ox

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
        store = with_remote_graphs(store, remote)
    # a dataset's default graph is the union of its graphs, unless the query names its own
    as_union = union and not (checked.default_graphs or checked.named_graphs)
    try:
        result = store.query(text, prefixes=prefixes(), use_default_graph_as_union=as_union)
    except SyntaxError as e:
        raise GovgraphError(f"query syntax error: {oxigraph_position(str(e))}") from None
    _write_result(sink, result, fmt)


def _write_result(sink, result, fmt: str) -> None:
    import pyoxigraph as ox

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


def with_remote_graphs(store, iris: list[str]):
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
