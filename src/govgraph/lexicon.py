"""Loaders for the rule data: one loader per file, each cached.

Rules are data: the region gazetteer (`data/regions.tsv`) and its former divisions
(`data/region_changes.tsv`), institution heads
(`data/institution_heads.tsv`), trigger words (`data/triggers.tsv`), the curated
mechanism vocabulary (SKOS, `ontology/mechanisms.ttl`) and the words that mark or rule out
discovered mechanism names (`data/mechanism_cues.tsv`, `data/mechanism_stoplist.tsv`, loaded by
`lexicon_mechanisms`).

A user lexicon (`govgraph build --lexicon DIR`, `govgraph.lexicon_user`) adds rows: every
data file is read through `_data_text`, which appends the rows of the user's file of the
same name, so a new data file is open to users as soon as it has its loader here. `use` makes an
overlay the active one (and drops every cached rule table that was built without it).
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import lexicon_user, skos
from .lexicon_user import Overlay

_active: Overlay = lexicon_user.BUNDLED


def _bundled_text(name: str) -> str:
    return (resources.files("govgraph") / "data" / name).read_text(encoding="utf-8")


def _data_text(name: str) -> str:
    """data/<name>, then the rows of the active user lexicon's file of that name, written in
    the bundled file's column order: every loader reading a data file sees the user's rows."""
    text = _bundled_text(name)
    extra = _active.rows(name)
    if not extra:
        return text
    header = lexicon_user.parse_rows(text)[0]
    lines = ["\t".join(row.get(c, "") for c in header) for _, row in extra]
    return text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"


def _ontology_text(name: str) -> str:
    return (resources.files("govgraph.ontology") / name).read_text(encoding="utf-8")


def _rows(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of data/<name>, then those of the active user lexicon's file of that name."""
    return _rows(_data_text(name))


# ---------------------------------------------------------------- the user lexicon


def bundled_data_files() -> list[str]:
    return sorted(f.name for f in (resources.files("govgraph") / "data").iterdir() if f.name.endswith(".tsv"))


def load_user_lexicon(folder: str | Path) -> Overlay:
    """Read and check a user lexicon folder; a GovgraphError names every file, line and problem."""
    names = bundled_data_files()
    overlay = lexicon_user.read_overlay(folder, [*names, *lexicon_user.OWN_COLUMNS])
    problems: list[str] = []
    for name, text in overlay.files:
        if name == lexicon_user.MECHANISMS:
            labels = {a: c.pref for c in _bundled_mechanisms().values() for a in (c.pref, *c.alts)}
            problems += lexicon_user.check_mechanisms(text, labels)
        elif name == lexicon_user.ALIASES:
            problems += lexicon_user.check_file(name, text, lexicon_user.OWN_COLUMNS[name])
        else:
            header, rows = lexicon_user.parse_rows(_bundled_text(name))
            optional = {c for _, row in rows for c in header if not row[c]}  # the bundled file leaves them empty
            used = {c: {row[c] for _, row in rows} for c in header}
            problems += lexicon_user.check_file(name, text, tuple(header), optional, used)
    if problems:
        raise lexicon_user.lexicon_error(str(folder), [f"{Path(folder) / p}" for p in problems])
    return overlay


def use(overlay: Overlay | None) -> None:
    """Make `overlay` (None: the bundled rules only) the rules of this process. Tables derived
    from the rules are cached all over the package: on a change, every cache is dropped."""
    global _active
    overlay = overlay or lexicon_user.BUNDLED
    if overlay.digest == _active.digest:
        return
    _active = overlay
    for name, module in list(sys.modules.items()):
        if name == "govgraph" or name.startswith("govgraph."):
            for value in list(vars(module).values()):
                if value is _bundled_mechanisms:  # the bundled scheme is the same with any overlay
                    continue
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                    value.cache_clear()


def active() -> Overlay:
    return _active


# ---------------------------------------------------------------- regions

LEVELS = ("province", "prefecture", "county", "township", "village")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    parent_code: str | None
    short_names: tuple[str, ...]
    lat: float | None
    lon: float | None
    replaced_by: str | None = None  # a former division (海门市): the code of the current one
    changed: str = ""  # and the date of the change, when known


@dataclass
class Gazetteer:
    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]  # full names and short forms → candidates
    full_names: set[str] = field(default_factory=set)

    def parent(self, d: Division) -> Division | None:
        return self.by_code.get(d.parent_code) if d.parent_code else None

    def ancestors(self, d: Division) -> list[Division]:
        out = []
        p = self.parent(d)
        while p is not None:
            out.append(p)
            p = self.parent(p)
        return out

    def within(self, d: Division, codes: set[str]) -> bool:
        """Whether a division above `d` has one of `codes`."""
        if not codes:
            return False  # (often: no division before to be inside of)
        return any(a.code in codes for a in self.ancestors(d))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_code: dict[str, Division] = {}
    for r in data_rows("regions.tsv"):
        shorts = tuple(s for s in (r.get("short_names") or "").split("|") if len(s) >= 2)
        d = Division(
            code=r["code"],
            name=r["name"],
            level=r["level"],
            parent_code=r.get("parent_code") or None,
            short_names=shorts,
            lat=float(r["lat"]) if r.get("lat") else None,
            lon=float(r["lon"]) if r.get("lon") else None,
        )
        by_code[d.code] = d
    former = former_divisions()
    for d in former:
        # a division renamed under its own code (桥东区 → 襄都区) keeps the current row
        by_code.setdefault(d.code, d)
    by_name: dict[str, list[Division]] = {}
    for d in by_code.values():
        by_name.setdefault(d.name, []).append(d)
    for d in former:
        if by_code[d.code] is not d:
            by_name.setdefault(d.name, []).append(d)
    for d in by_code.values():
        for s in d.short_names:
            if s not in by_name or all(x.name != s for x in by_name[s]):
                by_name.setdefault(s, []).append(d)
    return Gazetteer(by_code, by_name, {d.name for d in by_code.values()} | {d.name for d in former})


@lru_cache(maxsize=1)
def former_divisions() -> tuple[Division, ...]:
    """Divisions renamed or merged away (淮阳县 → 淮阳区, 海门市 → 海门区), from
    `data/region_changes.tsv`: their own code, level and parent, and the current successor.
    No short forms: 海门 and 淮阳 stay the current divisions'."""
    return tuple(
        Division(
            code=r["old_code"],
            name=r["old_name"],
            level=r["level"],
            parent_code=r["parent_code"] or None,
            short_names=(),
            lat=None,
            lon=None,
            replaced_by=r["new_code"],
            changed=r["date"],
        )
        for r in data_rows("region_changes.tsv")
    )


# ---------------------------------------------------------------- institution heads


@dataclass(frozen=True)
class Head:
    surface: str
    canonical: str
    kind: str
    scope: str
    level: str | None
    not_before: str
    collective_at: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def institution_heads() -> dict[str, Head]:
    out = {}
    for r in data_rows("institution_heads.tsv"):
        out[r["surface"]] = Head(
            surface=r["surface"],
            canonical=r["canonical"],
            kind=r["kind"],
            scope=r["scope"],
            level=None if r["level"] == "-" else r["level"],
            not_before="" if r["not_before"] == "-" else r["not_before"],
            collective_at=() if r["collective_at"] == "-" else tuple(r["collective_at"].split(",")),
        )
    for _, r in _active.rows(lexicon_user.ALIASES):  # a user's alias: a name that stands alone
        out[r["alias"]] = Head(r["alias"], r["name"], r["kind"], "national", None, "")
    return out


@lru_cache(maxsize=1)
def person_titles() -> list[str]:
    """Words of a person's title or role after a body's name (书记, 局长, 法官): the body is then
    part of how a person is named, not an actor."""
    return [r["word"] for r in _rows(_data_text("person_titles.tsv"))]


# ---------------------------------------------------------------- trigger words


@lru_cache(maxsize=1)
def triggers() -> dict[str, list[str]]:
    """Trigger words by role, e.g. triggers()["adopt"]."""
    out: dict[str, list[str]] = {}
    for r in data_rows("triggers.tsv"):
        out.setdefault(r["role"], []).append(r["word"])
    for words in out.values():
        words.sort(key=lambda w: (-len(w), w))
    return out


@lru_cache(maxsize=1)
def adopt_weights() -> dict[str, float]:
    """Feature weights of adoption candidates (extract/adopts.py), fitted by scripts/fit_adopt_weights.py;
    a user lexicon's adopt_weights.tsv overrides single weights."""
    return {r["feature"]: float(r["weight"]) for r in data_rows("adopt_weights.tsv")}


# ---------------------------------------------------------------- outcome figures


@dataclass(frozen=True)
class Unit:
    word: str  # as written after the number
    unit: str  # SPEC unit
    chinese_numerals: bool  # 三天, 九部门: Chinese numerals make a figure with this unit
    cued: bool  # case or item by the cue words of its clause


@lru_cache(maxsize=1)
def quantity_units() -> dict[str, Unit]:
    """Unit words of outcome figures (data/quantity_units.tsv)."""
    return {
        r["word"]: Unit(r["word"], r["unit"], r["numerals"] == "any", r["cued"] == "yes")
        for r in data_rows("quantity_units.tsv")
    }


@lru_cache(maxsize=1)
def quantity_cues() -> dict[str, tuple[str, ...]]:
    """Cue words of outcome figures by role (data/quantity_cues.tsv): case, item, not_before, not_after, area."""
    out: dict[str, list[str]] = {}
    for r in data_rows("quantity_cues.tsv"):
        out.setdefault(r["role"], []).append(r["word"])
    return {role: tuple(sorted(words, key=lambda w: (-len(w), w))) for role, words in out.items()}


@lru_cache(maxsize=1)
def subject_cues() -> dict[str, dict[str, str]]:
    """Words for finding a figure's subject from what came before (data/subject_cues.tsv), by role: word → lead."""
    out: dict[str, dict[str, str]] = {}
    for r in data_rows("subject_cues.tsv"):
        out.setdefault(r["role"], {})[r["word"]] = r.get("lead") or ""
    return out


# ---------------------------------------------------------------- mechanisms (SKOS)


@dataclass(frozen=True)
class Concept:
    id: str  # local name in the mech: namespace, ASCII
    iri: str
    pref: str  # Chinese preferred label
    en: str
    alts: tuple[str, ...]
    broader: str | None  # Chinese prefLabel of the broader concept


@lru_cache(maxsize=1)
def mechanisms() -> dict[str, Concept]:
    """Curated concepts by Chinese prefLabel: ontology/mechanisms.ttl and the user's mechanisms.tsv."""
    out = dict(_bundled_mechanisms())
    for _, r in _active.rows(lexicon_user.MECHANISMS):
        pref, alts = r["pref"], lexicon_user.split_labels(r["alt"])
        known = out.get(pref)
        if known is None:
            cid = lexicon_user.concept_id(pref)
            out[pref] = Concept(cid, MECHANISM_NS + cid, pref, r["en"], tuple(alts), r["broader"] or None)
        else:  # more labels for a bundled concept; a broader or English label given replaces its own
            labels = tuple(sorted(set(known.alts).union(alts) - {pref}))
            out[pref] = Concept(known.id, known.iri, pref, r["en"] or known.en, labels, r["broader"] or known.broader)
    return out


MECHANISM_NS = "https://w3id.org/govgraph/id/mechanism/"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"


@lru_cache(maxsize=1)
def _bundled_mechanisms() -> dict[str, Concept]:
    """Curated concepts by Chinese prefLabel, read from ontology/mechanisms.ttl (`skos.statements`:
    its plain Turtle, without rdflib, which took a fifth of a second to import and parse)."""
    objects: dict[tuple[str, str], set] = {}
    concepts: dict[str, None] = {}  # in the order of the file, as rdflib's store keeps them
    for s, p, o in skos.statements(_ontology_text("mechanisms.ttl"), "ontology/mechanisms.ttl"):
        objects.setdefault((s, p), set()).add(o)
        if p == skos.RDF_TYPE and o == ("iri", SKOS_NS + "Concept"):
            concepts.setdefault(s)

    def labels(s: str, p: str, lang: str) -> list[str]:
        return sorted(o[1] for o in objects.get((s, SKOS_NS + p), ()) if o[0] == "literal" and o[2] == lang)

    pref_of = {s: zh[0] for s in concepts if (zh := labels(s, "prefLabel", "zh"))}
    out = {}
    for s, pref in pref_of.items():
        broader = sorted(
            pref_of[o[1]] for o in objects.get((s, SKOS_NS + "broader"), ()) if o[0] == "iri" and o[1] in pref_of
        )
        en = labels(s, "prefLabel", "en")
        out[pref] = Concept(
            id=s.rsplit("/", 1)[-1],
            iri=s,
            pref=pref,
            en=en[0] if en else "",
            alts=tuple(labels(s, "altLabel", "zh")),
            broader=broader[0] if broader else None,
        )
    return out


def rules_version() -> str:
    """A digest of every rule file: caches keyed on it are invalidated when rules change."""
    h = hashlib.sha256()
    for name in bundled_data_files():
        h.update(_data_text(name).encode("utf-8"))
    h.update(_ontology_text("mechanisms.ttl").encode("utf-8"))
    h.update(_active.digest.encode())
    return h.hexdigest()[:16]
