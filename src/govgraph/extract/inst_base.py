"""What institution rules share: the mention record, the article context and the region chain
before a head (湖北省荆州市 + 中级人民法院), turned into an official prefix or a short form."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import Division, Head, gazetteer, institution_heads, triggers
from ..lexicon_institutions import development_zones, stem_words
from ..segment import jieba_pos
from .region_records import RegionMention, province_not_holding
from .regions import choose
from .townships import LOCAL, TOWNSHIP_SUFFIXES, local_ok, transcribed_name

STEM_BREAK = set("，。、；：！？“”‘’（）《》「」【】()[] 的在和与及将对由是到为从向把被了等")
# clause punctuation (a clause-opening head stands after it; no unit's name spans it)
CLAUSE_MARKS = "。！？；，：、"
SPEAKER_WE = "inst.speaker:我们"  # the rule of 我们 said by an officer: the officer's body


def is_name_char(c: str) -> bool:
    return c not in STEM_BREAK and ("\u4e00" <= c <= "\u9fff" or c.isalnum())


# characters of STEM_BREAK that may open a place name (向阳, 和平, 将军)
BREAKING_NAME_CHARS = set("向和在将到从为")


def name_opens_with_break(run: str) -> bool:
    """向阳派出所, 和平派出所: a preposition or conjunction that jieba reads as the first character
    of a place or proper name belongs to the stem (向 + 北关派出所 does not)."""
    if not run or run[0] not in BREAKING_NAME_CHARS:
        return False
    word, flag = jieba_pos(run)[0]
    return len(word) > 1 and flag in ("ns", "nr", "nz")


# 市/县/省 … before a head: the article's own region of that kind (市法院 → 临清市人民法院)
IMPLICIT = [
    ("自治区", ("province",), "自治区"),
    ("新区", ("county",), "新区"),
    ("林区", ("county",), "林区"),  # 神农架林区: 林区公安局 is its police
    ("省", ("province",), "省"),
    ("州", ("prefecture",), "州"),
    ("盟", ("prefecture",), "盟"),
    ("市", ("prefecture", "county"), "市"),
    ("县", ("county",), "县"),
    ("区", ("county",), "区"),
    ("旗", ("county",), "旗"),  # a banner of Inner Mongolia, a county (旗司法局 → 伊金霍洛旗司法局)
]
# 全省法院, 各市法院, 两级法院: generic plurals, not bodies
IMPLICIT_WORDS = tuple(word for word, _, _ in IMPLICIT)  # for one str.endswith
NOT_IMPLICIT_AFTER = set("全各本该一两三四五六七八九十每多个")  # 三省一市检察机关, 11个市检察院: counted levels
# …or a class of divisions (11个设区市检察院, 地级市公安局): no body of the article's region
CLASS_BEFORE_LEVEL = ("设区", "地级", "县级", "副省级")
LIST_JOINERS = ("、", "和", "与", "及", "以及")
# characters that join two bodies: 宁化县法院和县林业局
JOINING_CHARS = "和与及"
# ...and words: 长兴县人民法院会同县公安局 is with the county police, not 会同县
JOINING_WORDS = ("和", "与", "及", "会同")
# 联合/协同 open a station's or centre's name after its region (茅箭区联合知识产权保护站), but
# elsewhere join two bodies (东莞中院联合东莞金融纠纷调解委员会)
JOINT_NAME_VERBS = {"联合", "协同"}
# every word that joins a body's name to the one before it (和, 会同, 联合 …)
JOINERS = JOINING_WORDS + tuple(sorted(JOINT_NAME_VERBS))


@lru_cache(maxsize=1)
def joining_words() -> tuple[str, ...]:
    """JOINERS and the verbs by which one body sets another to work (指导, 督促: triggers.tsv, role
    organise): what follows them is another body's name, not a unit of the one before."""
    return JOINERS + tuple(triggers()["organise"])


@dataclass
class InstitutionMention:
    start: int
    end: int
    surface: str
    name: str  # canonical
    kind: str
    region: Division | None = None
    region_name: str | None = None
    parent: str | None = None
    prefix_only: bool = False  # named only as the front of a sub-unit's name
    collective: bool = False  # a region's system (四川法院) standing for its lead body
    rule: str = ""  # id of the rule that found it, e.g. inst.head:法院
    title_only: bool = False  # part of a person's title (县委书记张三), not an actor
    pronoun: bool = False  # a word standing for a body named elsewhere (该院, 我院, 我们): no name of it


# a place or a source right before a body's name (在…执行的, 走进X中学, 据X介绍)
PLACE_WORDS = ("在", "从", "于", "据", "至", "到", "赴", "走进", "走入", "来到")


@dataclass
class Context:
    """What the article has named so far, for implicit prefixes and anaphora."""

    regions: list[Division] = field(default_factory=list)
    # where the sentence being read names the last of `regions` (市人民检察院…深入青铜峡市: named after it)
    sentence_region_starts: list[int] = field(default_factory=list)
    local_regions: list[tuple[str, str]] = field(default_factory=list)  # (name, level)
    village_towns: dict[str, str] = field(default_factory=dict)  # a village → the township it was named under
    institutions: list[InstitutionMention] = field(default_factory=list)
    document_codes: set[str] = field(default_factory=set)
    # every division the article names in full, in text order: 区法院 may come before 普陀区
    article_regions: list[Division] = field(default_factory=list)
    # the sentence being read and the bodies found in it so far (an anaphor never stands for a body of its own clause)
    sentence: tuple[str, list[InstitutionMention]] = ("", [])
    # a transcript's officers by name, with the body each speaks for, and the one whose turn it is
    speakers: dict[str, InstitutionMention] = field(default_factory=dict)
    speaker: InstitutionMention | None = None
    quote_speaker: InstitutionMention | None = None  # the body of who said the sentence's quote (told after it)
    author: InstitutionMention | None = None  # the court or procuratorate whose own post the article is (我院)

    def put_forward(self, subject: InstitutionMention) -> None:
        """Within its sentence the subject is the body a later 该院 means, though others follow it
        (该院…并与成都铁路运输法院签订协议。该院还…): it moves behind them."""
        for k in range(len(self.institutions) - 1, -1, -1):
            if self.institutions[k] is subject:
                self.institutions.append(self.institutions.pop(k))
                return

    def implicit_region(self, levels: tuple[str, ...], suffix: str, before: int | None = None) -> Division | None:
        """The article's region that 市/区/省 … stands for: the latest named before (before offset `before` of
        the sentence being read, when given), else the first named anywhere in the article, else a division
        containing one of them (省 in an article about 许昌市 is 河南省). 市 may be a municipality (上海市)."""

        def fits(d: Division) -> bool:
            return d.name.endswith(suffix) and (d.level in levels or (suffix == "市" and d.level == "province"))

        named = self.regions
        if before is not None:
            later = sum(1 for s in self.sentence_region_starts if s >= before)
            named = named[: len(named) - later]
        pools = (list(reversed(named)), self.article_regions)
        for pool in pools:
            for d in pool:
                if fits(d):
                    return d
        for pool in pools:
            for d in pool:
                for a in gazetteer().ancestors(d):
                    if fits(a):
                        return a
        return None

    def listed_city(self, d: Division | None, suffix: str) -> Division | None:
        """瑞金市、于都县、兴国县…，全市…: a county-level city named among other counties of its city is one of
        them; 全市 is the city above them when the article names it."""
        if d is None or d.level != "county" or suffix != "市":
            return d
        parent = gazetteer().parent(d)
        if parent is None or not parent.name.endswith("市") or parent not in self.regions + self.article_regions:
            return d
        siblings = any(
            o.code != d.code and o.level == "county" and o.parent_code == d.parent_code for o in self.regions
        )
        return parent if siblings else d


def chain_ending_at(by_end: dict[int, RegionMention], pos: int) -> list[RegionMention]:
    chain: list[RegionMention] = []
    while pos in by_end:
        m = by_end[pos]
        chain.insert(0, m)
        pos = m.start
    return chain


def short_form(d: Division, surface: str | None = None) -> str:
    if surface and surface != d.name:
        return surface
    return d.short_names[0] if d.short_names else d.name


def fill(head: Head, region: str = "", short: str = "", stem: str = "", parent: str = "") -> str:
    """The body's name; a head naming two bodies at once (纪委监委) gives its first here."""
    return head.canonical.split("|")[0].format(region=region, short=short, stem=stem, parent=parent)


def twins(head: Head, m: InstitutionMention) -> list[InstitutionMention]:
    """The other bodies a head names at once (纪委监委: the discipline commission and the
    supervisory commission), in the region of the first."""
    d = m.region
    if "|" not in head.canonical or d is None or m.collective or region_prefix(d) not in m.name:
        return []
    return [
        dataclasses.replace(m, name=t.format(region=region_prefix(d), short=short_form(d), stem="", parent=""))
        for t in head.canonical.split("|")[1:]
    ]


def region_prefix(d: Division) -> str:
    """Official prefix of a body in division `d`: districts carry their city (青岛市崂山区,
    上海市普陀区)."""
    if d.level == "county" and d.name.endswith("区") and d.parent_code:
        parent = gazetteer().by_code.get(d.parent_code)
        if parent is not None and (parent.level == "prefecture" or parent.name.endswith("市")):
            return parent.name + d.name
    return d.name


def named_by_place(chain: list[RegionMention], d: Division | None, head: Head) -> str:
    """温州市瓯海公证处: a body named by a name of its own ({stem} in its template) takes a district's short
    form as that name, after its city (SPEC v2: expand only the region), not the district's full name; ""
    when the chain ends otherwise."""
    last = chain[-1]
    if "{stem}" not in head.canonical or not last.is_short or d is None or d.level != "county" or len(chain) < 2:
        return ""
    parent = gazetteer().by_code.get(d.parent_code or "")
    return parent.name + last.surface if parent is not None else ""


def township_county(chain: list[RegionMention], ctx: Context):
    """A township's county, from the chain (琼海市潭门镇) or the article's county."""
    for i in range(len(chain) - 2, -1, -1):
        if chain[i].candidates:
            # 铜陵市郊区周潭镇: the county under the city before it
            return choose(chain[i], ctx.document_codes, None, chain[i - 1] if i else None)
    for d in reversed(ctx.regions):
        if d.level == "county":
            return d
    # a county the article names only later, when it names no other (桃浦镇总工会 … 普陀区)
    counties = {d.code: d for d in ctx.article_regions if d.level == "county"}
    return next(iter(counties.values())) if len(counties) == 1 else None


def place_prefix(county: Division | None, town: str = "") -> str:
    """The prefix of a body of a township (or of a county, when `town` is empty): the county's official
    prefix, then the township's name."""
    return (region_prefix(county) if county is not None else "") + town


def resolve_chain(chain: list[RegionMention], ctx: Context, level_hint: str | None = None):
    """(division, region name, official prefix, short form) of the chain's last region."""
    last = chain[-1]
    if last.local_level:
        county = township_county(chain, ctx)
        # 诸暨市枫桥镇枫源村调委会: a village's body carries its township too, also where the
        # village stands alone after the article named it under its township (…。枫源村调委会)
        locals_ = "".join(m.surface for m in chain if m.local_level)
        if len(chain) == 1 and last.local_level == "village":
            locals_ = ctx.village_towns.get(last.surface, "") + locals_
        prefix = (region_prefix(county) if county else "") + locals_
        return county, last.surface, prefix, last.surface
    prev = chain[-2] if len(chain) >= 2 else None
    if prev is not None and (province := province_not_holding(prev, last)) is not None:
        written = "".join(m.surface for m in chain)  # 甘肃矿区人民法院: no district of 甘肃, the text's name
        return province, province.name, written, written
    # a county-level head does not make a short form mean the county: 荆州法院 is about the
    # city (荆州市), not 荆州区; only higher heads pick the level (吉林高院 → 吉林省)
    if level_hint not in ("province", "prefecture"):
        level_hint = None
    d = choose(last, ctx.document_codes, level_hint, prev, ctx.regions)
    assert d is not None  # a gazetteer mention always has candidates
    if level_hint == "province" and d.level != "province":
        # 吉林高院 is the province's court even where a city has the same short name
        prov = [c for c in last.candidates if c.level == "province"]
        if prov:
            d = prov[0]
    return (
        d,
        d.name,
        region_prefix(d),
        short_form(d, last.surface if last.is_short else None),
    )


# a word after which a name starts, though jieba glues the two: 和县, 会同县 (here 和, 会同 join), 了市
# (审议了市中级人民法院…)
BOUNDARY_BEFORE = (*JOINING_WORDS, "了")


def word_starts_at(text: str, s: int) -> bool:
    """jieba puts a word boundary at `s`: 区 in 经开区住建局 ends a name, in 携手区政法委 it starts one."""
    if text.endswith(BOUNDARY_BEFORE, 0, s):
        return True
    lo = max(0, s - 4)
    pos = lo
    for word, _ in jieba_pos(text[lo : s + 3]):
        if pos == s:
            return True
        pos += len(word)
        if pos > s:
            return False
    return pos == s


def implicit_before(text: str, s: int, ctx: Context, level: str | None = None) -> tuple[int, Division | None]:
    """区/市/县 … ending at `s` as the article's region (区清欠办): (start of the word, division). A head
    above the county's `level` keeps to it: 市中院 is the prefecture's court, though the article
    named a county-level city (津市市) last."""
    for word, levels, suffix in IMPLICIT:
        if level in ("prefecture", "province") and level in levels:
            levels = (level,)
        if text.endswith(word, 0, s):
            w = s - len(word)
            if w > 0 and (
                text[w - 1] in NOT_IMPLICIT_AFTER
                or text.endswith(CLASS_BEFORE_LEVEL, 0, w)
                or not word_starts_at(text, w)
            ):
                return s, None
            return w, ctx.implicit_region(levels, suffix, w)
    return s, None


def named_so_before(surface: str, head: Head, d: Division, ctx: Context) -> Division:
    """市人民检察院 named so again is the body it was the time before, not that of a county-level city of the same
    prefecture named since as a place (…市人民检察院…深入利通区、青铜峡市等地…市人民检察院: 吴忠市's both times).
    A body of that city named just before makes it the topic (宁国市人民检察院联合市教育局: 宁国市's)."""
    rule = "inst.relative:" + head.surface
    before = next((m.region for m in reversed(ctx.institutions) if m.rule == rule and m.surface == surface), None)
    if before is None or d.level != "county" or gazetteer().parent(d) != before:
        return d
    topical = ctx.sentence[1][-1:] + ctx.institutions[-1:]
    return d if any(m.region == d for m in topical) else before


def mention(s, e, text, name, head: Head, d: Division | None, rname, rule: str, **kw) -> InstitutionMention:
    """The mention text[s:e] of the body `name` whose head is `head`; its rule id names the head."""
    kind = "other" if head.kind == "parent" else head.kind
    return InstitutionMention(s, e, text[s:e], name, kind, d, rname, rule=f"{rule}:{head.surface}", **kw)


def township_body(s, he, text, head: Head, county: Division | None, town: str, rule: str) -> InstitutionMention:
    """The body of township `town` (in `county`) whose head is `head`: 宁化县翠江镇人民政府, 宁化县翠江镇司法所."""
    prefix = place_prefix(county, town)
    return mention(s, he, text, fill(head, region=prefix, short=town, stem=prefix), head, county, town, rule)


POLICE_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,3}分局")


def branch_follows(text: str, he: int, surface: str) -> bool:
    """上海市公安局长宁分局: a branch named after its district follows the bureau, and the 长 that
    would make 局长 a title opens the branch's name."""
    return surface.endswith("局") and POLICE_BRANCH.match(text, he) is not None


NUMERAL_CHARS = "一二三四五六七八九十"
COUNTERS = "个家名所处支级批次位座条项"  # 三个派出所 counts stations, it names none


# stations of police forces apart from the county's: border, coast, waterway, railway, airport, forest
OTHER_POLICE = ("边境", "边防", "海岸", "水上", "铁路", "机场", "森林", "港航", "民航")


def unit_place_name(between: str) -> bool:
    """The words between a body and its unit's head name the unit's place, whatever jieba makes of
    them: a road or a street (洗马路派出所: 洗|马路), or a place named with a numeral (七里园派出所:
    七里|园, read as a number)."""
    if not 2 <= len(between) <= 6 or not all(is_name_char(c) for c in between):
        return False
    if len(between) == 6:
        return _township(between)  # 阿尔巴斯苏木人民法庭: a transcribed name of four and 苏木
    road = between[-1] in "路街巷"
    # a border (water, forest …) police station: its place, then the force's word (打洛 + 边境派出所)
    force = between.endswith(OTHER_POLICE) and len(between) - 2 in (2, 3)
    # a zone: a development zone or a part of a free trade zone (临港新片区人民法庭, 高新区派出所)
    zone = between.endswith(("片区", *development_zones())) and len(between) >= 3
    numbered = len(between) <= 4 and between[0] in NUMERAL_CHARS and between[1] not in COUNTERS
    return road or force or zone or numbered or _unknown_place(between) or _township(between)


def _township(between: str) -> bool:
    """A township's name with its suffix (于都县人民法院银坑镇人民法庭, 于都县司法局岭背镇司法所): the unit sits there."""
    lm = LOCAL.fullmatch(between)
    if lm is None or lm.group(2) not in TOWNSHIP_SUFFIXES:
        return False
    name = lm.group(1)  # 2-3 characters, or a transcribed name of four (阿尔巴斯苏木人民法庭)
    return (2 <= len(name) <= 3 or transcribed_name(name, lm.group(2))) and local_ok(lm, True)


def _unknown_place(between: str) -> bool:
    """A place jieba does not know, read one character at a time (早|胜 + 人民法庭, 米|桥 + 派出所): no word
    of its own (所属, 辖区, 基层 are words) and none of the function characters (及|各, 在|该)."""
    words = jieba_pos(between)
    stop = stem_words()["not_in_unit_name"]
    return len(between) in (2, 3) and all(len(w) == 1 and w not in stop for w, _ in words)


def seated_elsewhere(between: str, head: Head, last) -> bool:
    """A court's tribunal named after the city it sits in, away from the court (苏州 in 南京市中级人民法院苏州
    知识产权法庭): the words between the court and the tribunal are a division's name or short form."""
    return head.kind == last.kind == "court" and between in gazetteer().by_name


def body_then_joiner(run: str) -> bool:
    """安陲乡 + 司法所与乡 + 派出所: a body's head, then 与/和/及, opens another body's name; 海洋与渔业厅 holds
    no head before its 与."""
    heads = institution_heads()
    return any(
        c in JOINING_CHARS and any(run[:i].endswith(h) for h in heads if len(h) <= i) for i, c in enumerate(run) if i
    )
