"""Institutions named by a proper-name stem (北关派出所, 中国政法大学, 东莞金融纠纷调解委员会)
and sub-units named after their parent (最高法执行局, 贺兰县公安局反诈中心)."""

from __future__ import annotations

import dataclasses
import re

from ..lexicon import Division, Head, gazetteer, institution_heads
from ..lexicon_institutions import development_zones, stem_words
from ..segment import jieba_pos
from .inst_base import (
    IMPLICIT,
    JOINT_NAME_VERBS,
    Context,
    InstitutionMention,
    body_then_joiner,
    chain_ending_at,
    fill,
    implicit_before,
    is_name_char,
    joining_words,
    name_opens_with_break,
    region_prefix,
    resolve_chain,
    seated_elsewhere,
    unit_place_name,
)
from .inst_forms import UNIT_STEM
from .inst_founded import court_tribunals, founded_unit, opens_another, railway_station, tribunal_of_court
from .inst_local import county_of_town_named, quoted_body
from .inst_outpost import outpost_stem
from .inst_zones import corps_front

# part-of-speech tags (jieba) that may form a proper-name stem
NAME_TAGS = ("n", "j", "s", "eng", "l", "vn", "i", "an")
PROPER_TAGS = ("ns", "nr", "nz", "nt", "j", "s", "nrt", "nrfg", "eng")
# one-character heads that end many common words (大局, 格局, 大厅): the head must be a word of its own
# (海洋和渔业 + 厅) or end a word of three characters or more (海洋局, 戒毒 + 管理局)
WORD_HEADS = {"局", "厅"}
# schools, banks and companies keep a place's short form in their own name (浙江工商大学 is no 浙江省工商大学)
OWN_NAMES = ("银行", "公司", "集团", "仲裁院", "事务所", "监狱", "戒毒所")  # and firms: 陕西汉江律师事务所
# places of custody numbered within their region (四川省第三监狱, 江苏省第二女子强制隔离戒毒所)
NUMBERED_HEADS = ("监狱", "戒毒所", "看守所", "拘留所", "公证处")  # 银川市第一公证处: the ordinal is the name
NUMBERED_STEM = re.compile(r"第[一二三四五六七八九十]{1,3}(?:女子|未成年犯|少年)?")
ANONYMISED = ("某", "××", "XX", "xx", "*")  # anonymised parties are not bodies: 某银行, 某升化工公司
# a quoted word right before a stem: 桃浦镇“一站式”职工法律服务中心
QUOTED_WORD_BEFORE = re.compile(r"[“‘\"]([\u4e00-\u9fff]{1,6})[”’\"]$")
# words of media outlets' names: 融媒体中心, 新闻中心 are not listed
MEDIA = ("媒体", "新闻", "电视", "广播", "报")
POSTED_UNITS = {
    "检察室": "procuratorate",
    "检察工作站": "procuratorate",
}  # an office a body posts at a place: head → its body's kind
POSTED = re.compile(r"派?驻[\u4e00-\u9fff]{2,8}")  # (…人民检察院派驻看守所检察室, …检察院驻雷马屏监狱检察室)
# compass words jieba tags as locality words (f), which name a body (天津市北方公证处, 华南…)
COMPASS_NAMES = frozenset({"北方", "南方", "西方", "东北", "西北", "东南", "西南", "华北", "华南", "华东", "华中"})
# a word opening with 各 or 每 counts many bodies (各乡镇司法所), which no name of one holds
DISTRIBUTIVE = ("各", "每")


def pos_stem(text: str, end: int, floor: int) -> tuple[str, bool]:
    """The proper-name stem ending at `end` (not before `floor`) and whether it holds a
    proper noun. Reads jieba's tags from the right and stops at the first non-noun."""
    i = end
    while i > floor and end - i < 10 and is_name_char(text[i - 1]):
        i -= 1
    if i > floor and end - i < 9 and name_opens_with_break(text[i - 1 : end]):
        i -= 1
    run = text[i:end]
    if not run:
        return "", False
    stem, proper = "", False
    for word, flag in reversed(jieba_pos(run)):
        if (
            not (flag.startswith(NAME_TAGS) or word in stem_words()["name_verb"])
            or len(stem) + len(word) > 8
            or word in stem_words()["generic"]
            or word.startswith(DISTRIBUTIVE)  # 司法局指导 + 各乡镇 + 司法所: many units, none named
        ):
            break
        stem = word + stem
        proper = proper or flag.startswith(PROPER_TAGS)
    return stem, proper


def _stem_after_region(text: str, floor: int, hs: int, head: Head) -> str:
    """湖北省 + 云享之光孵化器 + 有限公司: right after a region, a whole name of no verbs,
    prepositions, conjunctions, adverbs, times or heads is the stem, whatever jieba makes of its
    words, unless it holds generic words only (家事法庭)."""
    run = text[floor:hs]
    inner = run[1:-1].replace("和", "").replace("与", "")  # 和, 与 may join two words of a name (海洋与渔业厅)
    if not 2 <= len(run) <= 10 or not all(is_name_char(c) for c in run[:1] + inner + run[-1:]):
        return ""
    if any(_joins_another(run[i:]) for i in range(len(run) - 1)) or body_then_joiner(run):
        return ""  # 司法局会同市商务 + 委员会, 司法所与乡 + 派出所: two bodies
    words = jieba_pos(run)
    verbs = (
        stem_words()["name_verb"] | JOINT_NAME_VERBS if head.scope == "named_regional" else stem_words()["name_verb"]
    )
    # a department's name may hold verbal nouns (旅游和文化广电体育局)
    nouns = ("vn",) if head.surface in WORD_HEADS else ()
    if any(
        (flag.startswith(("v", "p", "c", "d", "m", "q", "r", "t", "f")) and w not in verbs | COMPASS_NAMES)
        and not _inner_and(words, i)
        and flag not in nouns
        or w in institution_heads()  # 四川法院去年办(案): a body ends before the head
        for i, (w, flag) in enumerate(words)
    ):
        return ""
    if all(w in stem_words()["generic"] for w, _ in words):
        return ""  # 家事法庭, 辖区派出所 name a kind; 家事纠纷诉源治理工作站 a body
    return run


def _inner_and(words, i: int) -> bool:
    """和 between two words of a name (海洋和渔业厅, 自然资源和规划局)."""
    return words[i][0] in ("和", "与") and 0 < i < len(words) - 1


def _after_parent(text, hs, he, head: Head, last) -> list[InstitutionMention]:
    """淮阳区公安局北关派出所, 边防检查总站英阿瓦提边境派出所: a unit right after its parent."""
    if last is None or not (last.end < hs and hs - last.end <= 10):
        return []
    between = text[last.end : hs]
    stem = outpost_stem(text, hs, last.end, head.surface, pos_stem(text, hs, last.end))[0]
    # 人和, 中和: a place name ending in 和, which jieba reads as the conjunction
    ends_in_he = len(between) in (2, 3) and between.endswith("和") and all(is_name_char(c) for c in between[:-1])
    if stem != between and not ends_in_he and not unit_place_name(between):
        return []
    joined = between.startswith(joining_words()) and not name_opens_with_break(between)
    if joined or between.startswith(tuple(stem_words()["predicate"])):
        # 市场监督管理局会同市消费者协会: two bodies, not a unit of the first; 人民法庭地处古城中心: said of the body
        return []
    return [_sub(text, last, he, last.name + between + head.surface, head, "inst.subunit:" + head.surface)]


def _posted_office(text, hs, he, head: Head, ctx: Context) -> list[InstitutionMention]:
    """省人民检察院驻雷马屏监狱检察室: the office a body posts at a place (a prison, a detention centre) keeps
    派驻/驻 and the place after the body's name, even when the place is a body of its own (监狱)."""
    kind = POSTED_UNITS.get(head.surface)
    body = (
        next((m for m in ctx.sentence[1] if m.kind == kind and POSTED.fullmatch(text, m.end, hs)), None)
        if kind
        else None
    )
    if body is None:
        return []
    return [_sub(text, body, he, body.name + text[body.end : he], head, "inst.posted:" + head.surface)]


def _head_is_word(text: str, hs: int, he: int) -> bool:
    """See WORD_HEADS."""
    last = jieba_pos(text[max(0, hs - 6) : he])[-1][0]
    return last == text[hs:he] or len(last) >= 3


def _known(stem: str, head: Head, ctx: Context) -> InstitutionMention | None:
    """甸柳法庭 after 历下区人民法院甸柳人民法庭: the short name of a body named before."""
    tails = [stem + head.surface, stem + "人民" + head.surface]
    if head.canonical.startswith("{stem}") and head.canonical.count("{") == 1:
        tails.append(head.canonical.replace("{stem}", stem))  # 东兴边检站 after …东兴边境检查站
    return next((m for m in reversed(ctx.institutions) if m.name.endswith(tuple(tails))), None)


def _again(k: InstitutionMention, start: int, end: int, text: str, rule: str) -> InstitutionMention:
    """A body the article named before, named again here."""
    return InstitutionMention(start, end, text[start:end], k.name, k.kind, k.region, k.region_name, k.parent, rule=rule)


def unit_named_before(text, hs, he, head: Head, ctx: Context) -> list[InstitutionMention]:
    """天水分院 after 甘肃省人民检察院天水分院: a unit named again by its place and head alone."""
    for size in (2, 3):
        s = hs - size
        if s < 0 or not all(is_name_char(c) for c in text[s:hs]) or (s > 0 and is_name_char(text[s - 1])):
            continue
        k = next((m for m in reversed(ctx.institutions) if m.parent and m.name.endswith(text[s:he])), None)
        if k is not None:
            return [_again(k, s, he, text, "inst.unit-again:" + head.surface)]
    return []


def named(text, hs, he, head: Head, chain, by_end, last, ctx: Context) -> list[InstitutionMention]:
    """<region>? <stem> <head>: a sub-unit right after its parent keeps the parent's name."""
    rule = "inst.named:" + head.surface
    found = _posted_office(text, hs, he, head, ctx) or railway_station(text, hs, he, head, by_end, ctx)
    found = found or founded_unit(text, hs, he, head, last)
    found = found or _after_parent(text, hs, he, head, last)
    if found:
        return found
    if head.surface in WORD_HEADS and not _head_is_word(text, hs, he) or court_tribunals(head, last, hs):
        return []
    # the stem stops at the region before it: 东莞 + 金融纠纷 + 调解委员会
    floor = max((e for e in by_end if e <= hs), default=0)
    stem, proper = outpost_stem(text, hs, floor, head.surface, pos_stem(text, hs, floor), ctx.institutions)
    stem = _after_joining(stem)
    if floor in by_end and head.surface.endswith(NUMBERED_HEADS) and NUMBERED_STEM.fullmatch(text, floor, hs):
        stem, proper = text[floor:hs], True  # 云南省第一强制隔离戒毒所: the ordinal is the name
    if floor in by_end and len(stem) < hs - floor:
        stem = _stem_after_region(text, floor, hs, head) or stem
    if any(a in text[max(0, hs - len(stem) - 2) : hs] for a in ANONYMISED) or any(w in stem for w in MEDIA):
        return []  # anonymised parties (某银行) and media outlets (融媒体中心) are not listed
    sc = chain_ending_at(by_end, hs - len(stem))
    quoted = QUOTED_WORD_BEFORE.search(text, 0, hs - len(stem))
    if not sc and quoted is not None and chain_ending_at(by_end, quoted.start()):
        # 桃浦镇“一站式”职工法律服务中心: a quoted word inside the name, a region before it
        sc, stem = chain_ending_at(by_end, quoted.start()), quoted.group(1) + stem
    elif len(stem) < 2 and not chain:
        # 由退休干部组成的“和事佬”协会: a quoted name and the head, of the place the article is about
        return quoted_body(text, quoted, he, head, ctx) if quoted is not None and not stem else []
    start = sc[0].start if sc else hs - len(stem)
    tribunal = tribunal_of_court(text, start, hs, he, head, bool(sc) or proper, ctx, chain=sc)
    if tribunal:
        return tribunal
    if not stem and sc:
        if sc[-1].is_short and head.scope == "named" and not any(m.is_short for m in sc[:-1]):
            # 山东大学, 江苏银行, 青海省西宁监狱: the short form is the name, not a prefix
            s = sc[0].start
            return [InstitutionMention(s, he, text[s:he], text[s:he], head.kind, rule=rule)]
        if sc[-1].is_short and head.scope == "named" and len(sc) > 1:
            # 江苏苏州监狱: a place of custody is the province's, named in full (江苏省苏州监狱); a university
            # or a bank carries no province (湖北武汉大学 is 武汉大学)
            d, rname, prefix, _ = resolve_chain(sc[:-1], ctx)
            custody = head.surface.endswith(NUMBERED_HEADS) and d is not None
            s, name = sc[0].start, (prefix if custody else "") + text[sc[-1].start : he]
            return [InstitutionMention(s, he, text[s:he], name, head.kind, d, rname, rule=rule)]
        if len(head.surface) < 5 and not sc[-1].local_level:
            # 临清市协会 needs a name; a region alone is not one (X区人民调解委员会, 周潭镇派出所 are)
            return []
    prefix, d, rname = "", None, None
    known = None if sc else _known(stem, head, ctx)
    if known is not None:
        return [_again(known, start, he, text, rule)]
    if sc:
        d, rname, prefix, _ = resolve_chain(sc, ctx)
        own_name = head.kind == "education" or head.surface.endswith(OWN_NAMES)
        if (own_name or stem.startswith(tuple(development_zones()))) and sc[-1].is_short:
            # 浙江工商大学, 浙江农商银行, 长沙经济技术开发区管理委员会: the place as the name writes it
            prefix = text[sc[-1].start : sc[-1].end]
    elif head.scope == "named_regional" and stem.startswith(("中国", "中华")) and len(stem) >= 4:
        pass  # 中国版权保护中心: a national body, named by itself
    elif head.scope == "named_regional":
        # 法官工作站 is a place; a station needs its region (茅箭区联合知识产权保护站, 区清欠办);
        # jieba may glue the level word to the stem (区清欠 + 办)
        cut = _level_cut(stem)
        stem = stem[cut:]
        start, d = implicit_before(text, hs - len(stem), ctx)
        if d is None or len(stem) < 2:
            return []
        rname, prefix = d.name, region_prefix(d)
    elif not proper:
        return []
    else:
        stem, start, d, rname, prefix = _proper_place(text, hs, stem, start, ctx)
    name = prefix + fill(head, stem=stem)
    return [InstitutionMention(start, he, text[start:he], name, head.kind, d, rname, rule=rule)]


def _proper_place(
    text: str, hs: int, stem: str, start: int, ctx: Context
) -> tuple[str, int, Division | None, str | None, str]:
    """(stem, start, division, its name, prefix) of a body named by a proper name with no region before it."""
    # 区卫生环保志愿服务队: a 区/市 before a named body is the article's region
    cut = _level_cut(stem)
    start2, d = implicit_before(text, hs - len(stem) + cut, ctx)
    if d is not None:
        return stem[cut:], start2, d, d.name, region_prefix(d)
    if (d := county_of_town_named(stem, ctx)) is not None:
        return stem, start, d, d.name, region_prefix(d)  # 周潭派出所 after 铜陵市郊区周潭镇: the town's county
    if (corps := corps_front(text, start)) is not None:
        return stem, corps[0], None, None, corps[1]  # 第八师一四九团人民法庭: a regiment's body carries its division's
    return stem, start, None, None, ""


def _level_cut(stem: str) -> int:
    """The length of the level word (区, 市 …) a stem opens with, which names the article's region (区清欠 + 办),
    or 0; none in a word that opens with one (市民, 市场: stem_words.tsv role level_word)."""
    if stem.startswith(tuple(stem_words()["level_word"])):
        return 0
    return next((len(w) for w, _, _ in IMPLICIT if stem.startswith(w) and len(stem) - len(w) >= 2), 0)


def _sub(text, parent: InstitutionMention, he, name, head: Head, rule: str) -> InstitutionMention:
    return InstitutionMention(
        parent.start,
        he,
        text[parent.start : he],
        name,
        parent.kind if head.kind == "parent" else head.kind,
        parent.region,
        parent.region_name,
        parent.name,
        rule=rule,
    )


# a branch is a police bureau's unit, and a government department's too (生态环境局钦南分局, 港口管理局钦州分局);
# so are brigades (司法局社区矫正大队, 市场监管局执法稽查支队)
BRIGADE_OF = ("government", "justice")
BRANCH_OF = {"分局": ("government",), "支队": BRIGADE_OF, "大队": BRIGADE_OF, "中队": BRIGADE_OF}
NAMED_UNITS = ("支队", "大队", "中队", "研究院", "研究中心")  # units that need a name or an ordinal before them


def subunit(text, hs, he, head: Head, last) -> list[InstitutionMention]:
    """A unit of the body right before it: 最高法执行局, 城乡一体化示范区分局."""
    if last is None:
        return []
    founded = founded_unit(text, hs, he, head, last)
    if founded:
        return founded
    stem = ""
    if last.end != hs and "{stem}" not in head.canonical and seated_elsewhere(text[last.end : hs], head, last):
        name = last.name + text[last.end : he]  # 南京市中级人民法院苏州知识产权法庭: the city it sits in, as written
        return [_sub(text, last, he, name, head, "inst.subunit:" + head.surface)]
    if last.end != hs:
        branch = last.kind in BRANCH_OF.get(head.surface, ())
        if "{stem}" not in head.canonical or (head.kind not in (last.kind, "parent", "other") and not branch):
            return []  # a unit of a public body's kind is of that body: a court has no 分局 (法院联合公安城阳分局)
        head = dataclasses.replace(head, kind="parent") if branch else head
        stem = text[last.end : hs]
        # 与/和 may join the words of a unit's name (未成年人与家事案件审判庭)
        inner = all(is_name_char(c) or (c in "与和" and 0 < i < len(stem) - 1) for i, c in enumerate(stem))
        if not (0 < len(stem) <= UNIT_STEM and inner) or _joins_another(stem) or opens_another(stem):
            return []
    elif "{stem}" in head.canonical and head.surface in NAMED_UNITS:
        return []  # an ordinal or a name must stand before a bare 支队
    name = fill(head, stem=stem, parent=last.name)
    return [_sub(text, last, he, name, head, "inst.subunit:" + head.surface)]


def _joins_another(stem: str) -> str:
    """会同上海市商务 + 委员会: the joining word (会同, 联合 …) when it and a region open another body's
    name, not a unit's; else ""."""
    verb = next((w for w in joining_words() if stem.startswith(w)), "")
    rest = stem[len(verb) :]
    implicit = rest.startswith(tuple(w for w, _, _ in IMPLICIT))
    return verb if verb and (implicit or any(rest[:k] in gazetteer().by_name for k in (2, 3, 4))) else ""


def _after_joining(stem: str) -> str:
    """司法局会同市商务 + 委员会: the name starts after the word that joins it to the body before."""
    for i in range(len(stem) - 2, 0, -1):
        if verb := _joins_another(stem[i:]):
            return stem[i + len(verb) :]
    return stem
