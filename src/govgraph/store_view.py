"""`govgraph view` from the graph's Oxigraph store instead of an rdflib parse.

The page's networkx view is what `assemble.PageModel` gathers from page rows, the same rows
`build` feeds it; here they come from the triples the page reads (labels, types, the
relations, evidence links and the evidence sentences), taken from the store predicate by
predicate and sorted as the Turtle file is, so the view is the one an rdflib parse of the
file gives (`export.to_networkx`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .build.counts import GraphCounts
from .build.page import PageModel
from .build.rows import EV_KEEP, LITERAL_ROWS, fewest_evidence_rows, page_rows
from .model import DCT_NS, DEFAULT_BASE, GG_NS, OA_NS, ORG_NS, PROV_NS, RDF_NS, RDFS_NS, SDO_NS, SKOS_NS

_TYPE = f"<{RDF_NS}type>"
# every predicate `assemble.page_rows` reads (with those of the evidence sentences)
_READ = tuple(
    f"<{iri}>"
    for iri in (
        RDF_NS + "type",
        SKOS_NS + "prefLabel",
        RDFS_NS + "label",
        SKOS_NS + "altLabel",
        GG_NS + "level",
        SDO_NS + "unitText",
        GG_NS + "metric",
        GG_NS + "surfaceText",
        GG_NS + "adopts",
        GG_NS + "locatedIn",
        ORG_NS + "subOrganizationOf",
        SKOS_NS + "broader",
        SDO_NS + "containedInPlace",
        GG_NS + "subject",
        GG_NS + "aboutMechanism",
        GG_NS + "mentionedIn",
        PROV_NS + "wasDerivedFrom",
        GG_NS + "sentence",
        OA_NS + "hasSource",
        SDO_NS + "name",
        DCT_NS + "isPartOf",
        SDO_NS + "headline",
        SDO_NS + "alternativeHeadline",
    )
)


def graph_base(store) -> str:
    """The base IRI the graph was built with (`build --base`), read from a document's IRI."""
    import pyoxigraph as ox

    for q in store.quads_for_pattern(None, ox.NamedNode(_TYPE[1:-1]), ox.NamedNode(SDO_NS + "CreativeWork")):
        iri = q.subject.value
        cut = iri.rfind("document/")
        if cut > 0:
            return iri[:cut]
    return DEFAULT_BASE


def page_lines(store) -> list[str]:
    """The lines (`s p o`, N-Triples terms) of the predicates the page reads, sorted."""
    import pyoxigraph as ox

    lines = []
    for p in _READ:
        pred = ox.NamedNode(p[1:-1])
        lines += [f"{q.subject} {p} {q.object}" for q in store.quads_for_pattern(None, pred, None)]
    lines = list(set(lines))  # a dataset (N-Quads, TriG) holds each triple once, but a hand-made one may not
    lines.sort()
    return lines


def to_networkx(store, page_nodes: int | None = None, counts: GraphCounts | None = None, cache_dir: Path | None = None):
    """The networkx view of the graph in `store` (see `export.to_networkx`); `counts`, when
    given, gathers what the graph holds from the same rows (`build.counts`); `cache_dir`:
    see `view_rows`."""
    model = PageModel()
    rows = view_rows(store, cache_dir)
    model.add(rows)
    if counts is not None:
        counts.add(rows)
    return model.to_networkx(page_nodes)


ROWS_FILE = "page-rows.json"


def view_rows(store, cache_dir: Path | None = None) -> list[tuple]:
    """The page rows of the graph in `store`, with only the evidence links a page can show
    (`fewest_evidence_rows`: the view is the same). Reading them from the store is most of
    what a view costs (a 1.4 M-triple graph: 6.5 s of 8), so they are kept as JSON in
    `cache_dir` (the store's own folder, one per graph file) and read back by later views;
    a file that is not exactly what this code writes is ignored and written again."""
    key = _rows_key()
    path = cache_dir / ROWS_FILE if cache_dir is not None else None
    if path is not None:
        rows = _read_rows(path, key)
        if rows is not None:
            return rows
    rows = fewest_evidence_rows(page_rows(page_lines(store), graph_base(store)))
    if path is not None:
        _write_rows(path, key, rows)
    return rows


def _rows_key() -> str:
    """What the rows depend on besides the graph: the code that reads them and the IRIs."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("store_view.py", "build/rows.py", "namespaces.py", "model.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()


def _read_rows(path: Path, key: str) -> list[tuple] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("rows"), list):
        return None
    rows = []
    for row in data["rows"]:
        parsed = _row(row)
        if parsed is None:
            return None
        rows.append(parsed)
    return rows


def _row(row) -> tuple | None:
    """A row as `page_rows` makes it, from its JSON form; None if it is not one."""
    if not (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str) and isinstance(row[1], str)):
        return None
    s, code, v = row
    if code in EV_KEEP:
        ok = isinstance(v, list) and len(v) == 4 and isinstance(v[0], str) and isinstance(v[3], str)
        ok = ok and all(x is None or isinstance(x, str) for x in v[1:3])
    elif code in LITERAL_ROWS:
        ok = isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and (v[1] is None or isinstance(v[1], str))
    else:
        ok = isinstance(v, str)
    if not ok:
        return None
    return (s, code, tuple(v) if isinstance(v, list) else v)


def _write_rows(path: Path, key: str, rows: list[tuple]) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=".page-rows-", dir=path.parent)
    except OSError:
        return  # a help, never a reason to fail: the next view reads the store again
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"key": key, "rows": rows}, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
