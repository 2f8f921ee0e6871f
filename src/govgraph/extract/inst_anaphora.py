"""Anaphora of institutions: 该院, 本院, 该庭, 该局, 该所 … and a bare 法庭 opening a clause stand for
the body of that kind the article named last."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..lexicon import Division, institution_heads
from ..lexicon_user import KINDS  # every kind of body: 该局, 该所 … may stand for any
from ..segment import jieba_pos
from .inst_base import CLAUSE_MARKS, Context, InstitutionMention, chain_ending_at, word_starts_at
from .region_records import RegionMention


@dataclass(frozen=True)
class Anaphor:
    """What an anaphor may stand for: a body of one of `kinds` the article named before, whose name
    ends with `end` (any, where None), a unit of a body too where `unit` (X区人民法院Y人民法庭,
    X公安局Y派出所); of the region level `level` only, where given (省厅, 市局)."""

    kinds: tuple[str, ...]
    end: str | None = None
    unit: bool = False
    level: str | None = None


COURT = ("court",)
DEMONSTRATIVES = ("该", "本", "我")  # 该院, 本院, 我院 stand for a body; 中院, 高院 are short names of it
ANAPHORA = {
    "该院": Anaphor(KINDS, "院"),  # any body named …院: a court, a procuratorate, an arbitration institute
    "本院": Anaphor(("court", "procuratorate")),
    "我院": Anaphor(("court", "procuratorate")),
    "该庭": Anaphor(COURT, "庭", unit=True),  # a tribunal (法庭, 破产法庭) the article named before
    "中院": Anaphor(COURT, "中级人民法院"),
    "高院": Anaphor(COURT, "高级人民法院"),
    # a bureau, station, office or centre of any kind the article named before (伊宁县司法局…，该局还…)
    "该局": Anaphor(KINDS, "局", unit=True),
    "该分局": Anaphor(KINDS, "分局", unit=True),
    "该所": Anaphor(KINDS, "所", unit=True),
    "该处": Anaphor(KINDS, "处", unit=True),
    "该中心": Anaphor(KINDS, "中心", unit=True),
    "该委": Anaphor(KINDS, "委员会"),
    "该委员会": Anaphor(KINDS, "委员会"),
    "该协会": Anaphor(KINDS, "协会"),
    "该会": Anaphor(KINDS, "会"),
    "该站": Anaphor(KINDS, "站", unit=True),
    "该监狱": Anaphor(KINDS, "监狱"),
    "该支队": Anaphor(KINDS, "支队", unit=True),
    "该大队": Anaphor(KINDS, "大队", unit=True),
    "该中队": Anaphor(KINDS, "中队", unit=True),
    "该工作站": Anaphor(KINDS, "工作站", unit=True),
    # a unit named by its kind in full (…城关派出所。该派出所…)
    "该法庭": Anaphor(COURT, "庭", unit=True),
    "该人民法庭": Anaphor(COURT, "人民法庭", unit=True),
    "该检察室": Anaphor(("procuratorate",), "检察室", unit=True),
    "该派出所": Anaphor(("public_security",), "派出所", unit=True),
    "该司法所": Anaphor(("justice",), "司法所", unit=True),
}
# 检察日报, 人民公安报: a level word and the last character of a body's head stand for the body of that level
# the article named last (湖南省公安厅…。省厅刑侦局…; 临沂市公安局…，市局经侦支队…; 省院第四检察部)
BENCHES = ("court", "procuratorate")
for _word, _level in (("省", "province"), ("市", "prefecture"), ("县", "county"), ("区", "county")):
    ANAPHORA[_word + "院"] = Anaphor(BENCHES, "院", level=_level)
    ANAPHORA[_word + "局"] = Anaphor(KINDS, "局", level=_level)
ANAPHORA["省厅"] = Anaphor(KINDS, "厅", level="province")
# a municipality's numbered intermediate court named before (北京一中院…。一中院还…)
for _n in "一二三四五":
    ANAPHORA[_n + "中院"] = Anaphor(COURT, f"第{_n}中级人民法院")
AUTHOR_WORD = "我院"
# …and those a branch of a body of the same kind is (该院 after 上海市人民检察院第一分院)
BRANCH = "分院"
# a bare head opening a clause names the body of that kind the article named last (苏州知识产权法庭…。
# …介绍，法庭还推行…; “和事佬”协会…。协会成立5年来…); elsewhere it is a word (走上法庭, 法庭调查)
# …少年法庭实行…: a court's tribunal for a kind of case named before
CLAUSE_ANAPHORA = {
    "法庭": Anaphor(COURT, "庭", unit=True),
    "协会": Anaphor(("social_organization",), "协会"),
    "少年法庭": Anaphor(COURT, "少年法庭", unit=True),
    "家事法庭": Anaphor(COURT, "家事法庭", unit=True),
    "知识产权法庭": Anaphor(COURT, "知识产权法庭", unit=True),
    # 北仑区劳动人事争议仲裁院…。仲裁院对…实行…: the arbitration institute named before
    "仲裁院": Anaphor(KINDS, "仲裁院"),
    # 城关派出所所长介绍，派出所今年共接处警…: the station named before, in a title too
    "派出所": Anaphor(("public_security",), "派出所", unit=True),
    "司法所": Anaphor(("justice",), "司法所", unit=True),
}


# what follows a kind of body in a list of kinds (派出所、司法所, 派出所和司法所, 派出所等单位)
KIND_LIST_AFTER = ("、", "和", "及", "与", "等")


def bare_head_opens_clause(text: str, hs: int, surface: str) -> bool:
    """法庭还推行…, 法庭5名干警: the head opens a clause as a word of its own, with no noun after it
    (法庭调查, 法庭辩论阶段 are the hearing's parts)."""
    if surface not in CLAUSE_ANAPHORA or (hs > 0 and text[hs - 1] not in CLAUSE_MARKS):
        return False
    if text[hs - 1 : hs] == "、" or text.startswith(KIND_LIST_AFTER, hs + len(surface)):
        return False  # 综治中心、派出所、司法所等部门: a list of kinds of body, none named before
    words = jieba_pos(text[hs : hs + len(surface) + 6])
    # jieba may read the head as several words (仲裁 + 院): the head must end where a word does
    k, size = 0, 0
    while k < len(words) and size < len(surface):
        size += len(words[k][0])
        k += 1
    return size == len(surface) and (k == len(words) or not words[k][1].startswith(("n", "vn", "j")))


# what ends a clause, full-width or ASCII; a list's 、 does not (A、B分别与该委签署: A acts in the clause too)
CLAUSE_ENDS = CLAUSE_MARKS.replace("、", "") + ",;:!?"


def clause_mates(hs: int, ctx: Context) -> list[InstitutionMention]:
    """The bodies acting in the anaphor's own clause before it: 该院 is never one of them
    (自省高院指定该院集中管辖…以来: 该院 is the court named before, not 省高院). A body in a
    person's title (X法院院长介绍该院…) or before 的 may be what 该院 stands for."""
    text, here = ctx.sentence
    start = hs
    while start > 0 and text[start - 1] not in CLAUSE_ENDS:  # full-width or ASCII (记者从X获悉,该院…)
        start -= 1
    return [
        m for m in here if start <= m.start and m.end <= hs and not m.title_only and not text.startswith("的", m.end)
    ]


def anaphor(hs, he, surface, ctx: Context) -> InstitutionMention | None:
    if surface == AUTHOR_WORD and ctx.author is not None:  # a post's 我院 is its author, wherever it stands
        a = ctx.author
        return InstitutionMention(
            hs, he, surface, a.name, a.kind, a.region, a.region_name, rule="inst.author:我院", pronoun=True
        )
    refers = ANAPHORA.get(surface) or CLAUSE_ANAPHORA[surface]
    if refers.level is not None and not word_starts_at(ctx.sentence[0], hs):
        return None  # 全省院校, 城市局面: the level word ends another word
    mates = clause_mates(hs, ctx)
    for m in reversed(ctx.institutions):
        if any(m is o for o in mates):
            continue
        # 该庭 is the tribunal named last, a court's sub-unit included (X区人民法院Y人民法庭)
        if (
            m.kind in refers.kinds
            and (refers.end is None or m.name.endswith(refers.end))
            and (m.parent is None or refers.unit or m.name.endswith(BRANCH))
            and (refers.level is None or _of_level(m.region, refers.level))
        ):
            return InstitutionMention(
                hs,
                he,
                surface,
                m.name,
                m.kind,
                m.region,
                m.region_name,
                None,
                rule="inst.anaphor:" + surface,
                pronoun=surface.startswith(DEMONSTRATIVES),
            )
    return None


def _of_level(d: Division | None, level: str) -> bool:
    """A body's region is of `level`; a municipality (北京市) is a city too (市局 is its 公安局)."""
    return d is not None and (
        d.level == level or (level == "prefecture" and d.level == "province" and d.name.endswith("市"))
    )


# 检察日报: a place's full name and 院 (西湖区院, 芜湖市院) is its procuratorate, in an article on procuratorates
PLACE_BENCH_HEAD = "人民检察院"


def place_bench(
    text: str, hs: int, he: int, surface: str, ctx: Context, by_end, with_chain
) -> list[InstitutionMention]:
    """西湖区院 is the place's procuratorate (`with_chain` names it after the places) when the level word of 区院
    (宁国市院, 泾县院, 江西省院) ends a division's name (not a village's) and the article has named a procuratorate
    or the sentence speaks of 检察."""
    place = _bench_place(text, hs, surface, ctx, by_end)
    if not place:
        return []
    found = with_chain(text, he - 1, he, institution_heads()[PLACE_BENCH_HEAD], place, ctx, by_end)
    return [dataclasses.replace(m, rule="inst.place:院") for m in found]


def _bench_place(text: str, hs: int, surface: str, ctx: Context, by_end) -> list[RegionMention]:
    refers = ANAPHORA.get(surface)
    if refers is None or refers.level is None or refers.end != "院" or hs + 1 not in by_end:
        return []  # the level word is a division name's last character (place_bench_hits)
    place = chain_ending_at(by_end, hs + 1)
    if place[-1].local_level:
        return []  # 社区院坝: a village's
    if "检察" in text or any(m.kind == "procuratorate" for m in ctx.institutions):
        return place
    return []


def place_bench_hits(text: str, region_spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The 区院 of 西湖区院 as a head hit, though its 区 is the region's: heads inside a region's name are
    dropped (神农架林区人民检察院), and this one ends after it."""
    if "院" not in text:
        return []
    hits = [(b - 1, b + 1, text[b - 1 : b + 1]) for _, b in region_spans if text.startswith("院", b)]
    return [h for h in hits if h[2] in ANAPHORA]
