"""A user's own lexicon (`govgraph build --lexicon DIR`): TSV files merged with the bundled rules.

A folder holds any of these files (other files are ignored; an unknown ``*.tsv`` is an error):

* a file named like a bundled ``data/*.tsv`` (``institution_heads.tsv``, ``triggers.tsv``,
  ``collective_leads.tsv``, ``regions.tsv`` …), with the bundled file's columns: its rows are
  added to the bundled ones (a row whose key the bundled file has replaces it);
* ``aliases.tsv`` (``alias``, ``name``, ``kind``): a name that stands for one institution
  wherever it occurs (国家知产局 → 国家知识产权局), read as an institution head of national scope;
* ``mechanisms.tsv`` (``pref``, ``alt``, ``broader``, ``en``): mechanisms for the SKOS scheme
  of ``ontology/mechanisms.ttl``; ``alt`` lists other labels separated by ``|``, ``broader``
  names a bundled or a user mechanism. A ``pref`` the scheme already has adds its labels.

Everything is checked before a build starts: a problem names the file, the line and what is
wrong, and nothing is written. The files travel with each task (`Overlay` is small and
picklable), so worker processes and Dask workers extract with the same rules.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .errors import GovgraphError

LEVELS = ("province", "prefecture", "county", "township", "village")
KINDS = (
    "court",
    "procuratorate",
    "public_security",
    "justice",
    "party",
    "government",
    "people_congress",
    "social_organization",
    "education",
    "other",
)
SCOPES = ("national", "regional", "named", "subunit")
ALIASES = "aliases.tsv"
MECHANISMS = "mechanisms.tsv"
# the columns of the files that have no bundled twin
OWN_COLUMNS = {ALIASES: ("alias", "name", "kind"), MECHANISMS: ("pref", "alt", "broader", "en")}
MAX_REPORTED = 30


@dataclass(frozen=True)
class Overlay:
    """The user's TSV files: (file name, text) pairs in name order. Empty: the bundled rules only."""

    folder: str = ""
    files: tuple[tuple[str, str], ...] = ()

    @cached_property  # checked before every task (`lexicon.use`)
    def digest(self) -> str:
        h = hashlib.sha256()
        for name, text in self.files:
            h.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
        return h.hexdigest()[:16] if self.files else ""

    def text(self, name: str) -> str | None:
        return dict(self.files).get(name)

    def rows(self, name: str) -> list[tuple[int, dict[str, str]]]:
        """(line number, row) of the user's file `name`; [] when there is none."""
        text = self.text(name)
        return parse_rows(text)[1] if text is not None else []


BUNDLED = Overlay()


def parse_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and (line number, row) pairs of a TSV text; blank lines and # comments skipped.
    A row with the wrong number of fields keeps what it has (`check_shape` reports it)."""
    header: list[str] = []
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header:
            header = cells
            continue
        rows.append((number, dict(zip(header, cells + [""] * (len(header) - len(cells))))))
    return header, rows


def read_overlay(folder: str | Path, known: Iterable[str]) -> Overlay:
    """The *.tsv files of `folder`, each a name of `known`; decoding problems are errors."""
    path = Path(folder)
    if not path.is_dir():
        raise GovgraphError(f"--lexicon {folder}: not a folder")
    known = sorted(set(known))
    files = []
    problems = []
    for f in sorted(path.glob("*.tsv")):
        if f.name not in known:
            problems.append(f"{f}: unknown lexicon file (expected one of: {', '.join(known)})")
            continue
        try:
            text = f.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as e:
            problems.append(f"{f}: not UTF-8 ({e.reason} at byte {e.start})")
            continue
        except OSError as e:
            problems.append(f"{f}: cannot read ({e.strerror})")
            continue
        files.append((f.name, text.replace("\r\n", "\n")))
    if problems:
        raise lexicon_error(str(folder), problems)
    if not files:
        raise GovgraphError(f"--lexicon {folder}: no *.tsv files (expected any of: {', '.join(known)})")
    return Overlay(str(folder), tuple(files))


def lexicon_error(folder: str, problems: list[str]) -> GovgraphError:
    shown = problems[:MAX_REPORTED]
    more = f"\n  … and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
    return GovgraphError(
        f"the lexicon in {folder} has {len(problems)} problem(s); nothing was built:\n  " + "\n  ".join(shown) + more
    )


# ---------------------------------------------------------------- checks


class _OneOf(tuple):
    """The values a column takes (an enumeration); those the bundled file uses count too."""


def _one_of(values: Iterable[str], dash: bool = False) -> _OneOf:
    return _OneOf(tuple(values) + (("-",) if dash else ()))


def _template(*names: str) -> Callable[[str], str | None]:
    def check(v: str) -> str | None:
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(v) if f is not None}
        except ValueError as e:
            return f"is not a valid template ({e})"
        bad = sorted(used - set(names))
        if bad:
            return f"uses {', '.join('{' + b + '}' for b in bad)}; allowed: {', '.join('{' + n + '}' for n in names)}"
        return None

    return check


def _levels_list(v: str) -> str | None:
    if v == "-":
        return None
    bad = [x for x in v.split(",") if x not in LEVELS]
    return f"has {', '.join(bad)}; expected - or levels separated by commas ({', '.join(LEVELS)})" if bad else None


def _code(v: str) -> str | None:
    return None if v.isdigit() and len(v) == 6 else "must be a 6-digit GB/T 2260 code"


def _optional(check: Callable[[str], str | None]) -> Callable[[str], str | None]:
    return lambda v: None if v == "" else check(v)


def _number(v: str) -> str | None:
    try:
        float(v)
    except ValueError:
        return "must be a number"
    return None


# (file, column) → check; columns not listed here need only be non-empty where they must be
CHECKS: dict[tuple[str, str], Callable[[str], str | None] | _OneOf] = {
    ("institution_heads.tsv", "canonical"): _template("region", "short", "stem", "parent"),
    ("institution_heads.tsv", "kind"): _one_of(KINDS),
    ("institution_heads.tsv", "scope"): _one_of(SCOPES),
    ("institution_heads.tsv", "level"): _one_of(LEVELS, dash=True),
    ("institution_heads.tsv", "collective_at"): _levels_list,
    ("collective_leads.tsv", "level"): _one_of((*LEVELS, "municipality")),
    ("collective_leads.tsv", "lead"): _template("region"),
    ("regions.tsv", "code"): _code,
    ("regions.tsv", "level"): _one_of(LEVELS),
    ("regions.tsv", "parent_code"): _optional(_code),
    ("regions.tsv", "lat"): _optional(_number),
    ("regions.tsv", "lon"): _optional(_number),
    (ALIASES, "kind"): _one_of(KINDS),
}
# columns of the user's own files that may be empty (a bundled twin's: those it leaves empty)
OPTIONAL = {(MECHANISMS, "alt"), (MECHANISMS, "broader"), (MECHANISMS, "en")}


def check_file(
    name: str, text: str, columns: tuple[str, ...], optional: Iterable[str] = (), bundled: dict | None = None
) -> list[str]:
    """Problems of one user file whose rows must have `columns`, all but those of `optional`
    (and of OPTIONAL) non-empty. `bundled`: column → the values the bundled file uses, valid
    whatever the checks say (a value a newer rule introduced, such as a new scope)."""
    bundled = bundled or {}
    header, rows = parse_rows(text)
    if not header:
        return [f"{name}: empty (expected a header line: {' '.join(columns)})"]
    if sorted(header) != sorted(columns):
        first = next(n for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#"))
        return [f"{name}:{first}: the header must name the columns {', '.join(columns)} (got {', '.join(header)})"]
    lines = text.splitlines()
    checks = {c: CHECKS.get((name, c)) for c in columns}
    may_be_empty = set(optional) | {c for f, c in OPTIONAL if f == name}
    problems = []
    for number, row in rows:
        n = len(lines[number - 1].split("\t"))
        if n > len(header) or (n < len(header) and not may_be_empty.issuperset(header[n:])):
            problems.append(
                f"{name}:{number}: {n} field(s), the header has {len(header)} (fields are separated by tabs)"
            )
            continue
        for column in columns:
            value = row[column]
            if value == "":
                if column not in may_be_empty:
                    problems.append(f"{name}:{number}: column {column} is empty")
                continue
            if value in bundled.get(column, ()):
                continue
            problem = _problem(checks.get(column), value, bundled.get(column, set()))
            if problem:
                problems.append(f"{name}:{number}: {column} {value!r} {problem}")
    return problems


def _problem(check, value: str, used: set[str]) -> str | None:
    if isinstance(check, _OneOf):
        allowed = list(check) + sorted(set(used) - set(check))
        return None if value in allowed else f"must be one of {', '.join(allowed)}"
    return check(value) if check else None


def check_mechanisms(text: str, bundled: dict[str, str]) -> list[str]:
    """mechanisms.tsv: columns, labels of two characters or more and of one concept only, known
    broader concepts, no cycle. `bundled`: every label of the bundled scheme → its concept's pref."""
    problems = check_file(MECHANISMS, text, OWN_COLUMNS[MECHANISMS])
    if problems:
        return problems
    _, rows = parse_rows(text)
    broader: dict[str, str] = {}
    seen: dict[str, int] = {}
    labels_seen: dict[str, tuple[str, int]] = {}
    for number, row in rows:
        pref = row["pref"]
        if pref in seen:
            problems.append(f"{MECHANISMS}:{number}: {pref} is already on line {seen[pref]}")
            continue
        seen[pref] = number
        labels = [pref, *split_labels(row["alt"])]
        short = [x for x in labels if len(x) < 2]
        if short:
            problems.append(f"{MECHANISMS}:{number}: label {short[0]!r} is shorter than 2 characters")
        for label in labels:
            owner = bundled.get(label, pref)
            if owner != pref:
                problems.append(f"{MECHANISMS}:{number}: label {label!r} already names the bundled mechanism {owner}")
            elif label in labels_seen and labels_seen[label][0] != pref:
                other, line = labels_seen[label]
                problems.append(f"{MECHANISMS}:{number}: label {label!r} already names {other} (line {line})")
            labels_seen.setdefault(label, (pref, number))
        if row["broader"]:
            broader[pref] = row["broader"]
    known = set(bundled.values()) | set(seen)
    for pref, b in broader.items():
        number = seen[pref]
        if b not in known:
            problems.append(
                f"{MECHANISMS}:{number}: broader {b!r} is neither a bundled mechanism nor a pref of this file"
            )
        elif _cycle(pref, broader):
            problems.append(f"{MECHANISMS}:{number}: broader {b!r} makes a cycle ({pref} is broader than itself)")
    return sorted(problems, key=lambda p: int(p.split(":")[1]))


def split_labels(alt: str) -> list[str]:
    return [a.strip() for a in alt.split("|") if a.strip()]


def _cycle(start: str, broader: dict[str, str]) -> bool:
    seen = {start}
    x = broader.get(start)
    while x is not None:
        if x in seen:
            return x == start
        seen.add(x)
        x = broader.get(x)
    return False


def concept_id(pref: str) -> str:
    """The IRI local name of a user mechanism: ASCII, stable for its label."""
    return "user-" + hashlib.sha256(pref.encode("utf-8")).hexdigest()[:12]
