"""Figures listed after 分别 for bodies listed before it, one by one (红花岗区人民法院、汇川区人民法院
结收案比分别为101.2%、99.6%: the first figure is the first court's, the second the second's).
The list of bodies and the list of figures must have the same length; otherwise nothing changes.
Mechanisms too: 岳阳县人民法院、平江县人民法院分别推行“巡回审判进村组”和“调解员驻庭”机制."""

from __future__ import annotations

import re

from ..lexicon_collectives import collective_systems
from .inst_base import LIST_JOINERS
from .regions import region_name

# between 分别 and its first figure (a few words), and between two figures of the list
LEAD = re.compile(r"^[\u4e00-\u9fff]{0,12}$")  # 分别为, 分别破获案件, 分别办理涉未成年人案件
BETWEEN = re.compile(r"^(?:、|和|及|，|,)$")
GAP = 14  # the most characters between the last body and 分别 (its metric's words: 结收案比)
CLAUSE_STOPS = "。；;！？!?"


def respective_subjects(text: str, listed_in: tuple, spans: list[tuple[int, int]]) -> list[str | None]:
    """For each figure at `spans`, the body (or region) it belongs to by the 分别 rule, else None.
    `listed_in`: the sentence's institutions, its regions and the document's division codes."""
    insts, regions, document_codes = listed_in
    out: list[str | None] = [None] * len(spans)
    start = 0
    listed: list[str] = []  # the bodies of the last 分别 run, for its changes (同比分别上升…) after it
    while (p := text.find("分别", start)) >= 0:
        start = p + 2
        run = _figure_run(text, p + 2, spans)
        bodies = _body_list(text, p, insts)
        if len(bodies) != len(run):  # 凯里市、雷山县分别调解…: divisions listed, not bodies
            bodies = _region_list(text, p, insts, regions, document_codes) or bodies
        compares = _compares(text, p)
        bodies = bodies or (listed if compares else [])
        if len(bodies) != len(run) and not compares:
            bodies = _clause_openers(text, p, insts, spans, len(run)) or bodies
        if len(run) >= 2 and len(run) == len(bodies):
            for i, body in zip(run, bodies):
                out[i] = body
            listed = bodies
    return out


CLAUSE_OPENING = ("，", ",", "：", ":")


def _clause_openers(text: str, p: int, insts: list, spans: list[tuple[int, int]], size: int) -> list[str]:
    """张江所查办案件214件，陆家嘴所查办案件96件，罚没款分别为2430万元和815万元: with no body listed, the
    clauses before the one of 分别 each open with a body of their own and give a figure of it, one
    body per figure (同比分别…, the changes of the figures before, are not asked)."""
    stop = max(text.rfind(c, 0, p) for c in CLAUSE_STOPS)
    clause = max(text.rfind(c, 0, p) for c in CLAUSE_OPENING)
    if size < 2 or any(clause < m.start < p for m in insts):
        return []  # the clause of 分别 names a body: not the clauses' bodies one by one
    opening = sorted(
        (
            m
            for m in insts
            if stop < m.start < clause and not m.prefix_only and text[m.start - 1 : m.start] in CLAUSE_OPENING
        ),
        key=lambda m: m.start,
    )
    ends = [min((k for c in CLAUSE_OPENING if (k := text.find(c, m.end)) >= 0), default=len(text)) for m in opening]
    if not all(any(m.end <= s and e <= end for s, e in spans) for m, end in zip(opening, ends)):
        return []  # a clause that opens with a body but gives no figure of it
    names = [m.name for m in opening]
    return names if len(set(names)) == size == len(opening) else []


# 受理案件1320件、286件，同比分别上升6.2%和9.8%: the changes, one per body of the run before
COMPARES = re.compile(r"(?:同比|环比|较[\u4e00-\u9fff]{1,6}|比[\u4e00-\u9fff]{1,6})$")


def _compares(text: str, p: int) -> bool:
    """The clause before 分别 only says against what the figures changed, right after a comma."""
    clause = text[max(text.rfind("，", 0, p), text.rfind(",", 0, p)) + 1 : p]
    return COMPARES.fullmatch(clause) is not None


def _figure_run(text: str, pos: int, spans: list[tuple[int, int]]) -> list[int]:
    """The indexes of the figures listed right after `pos`."""
    run: list[int] = []
    for i, (s, e) in enumerate(spans):
        if s < pos:
            continue
        gap = text[pos:s]
        if not (LEAD if not run else BETWEEN).match(gap):
            break
        run.append(i)
        pos = e
    return run


def _body_list(text: str, p: int, insts: list) -> list[str]:
    """The bodies listed (joined by 、 和 …) whose last ends a few words before 分别 in its clause."""
    before = sorted((m for m in insts if m.end <= p and not m.prefix_only), key=lambda m: m.start)
    return [m.name for m in _listed(text, p, before)]


def _region_list(text: str, p: int, insts: list, regions: list, document_codes: set[str]) -> list[str]:
    """With no bodies listed, the divisions listed so (凯里市、雷山县分别受理…), none inside a body's name."""
    free = [r for r in regions if r.end <= p and not any(m.start <= r.start < m.end for m in insts)]
    run = _listed(text, p, sorted(free, key=lambda r: r.start))
    if not run or any(w in text[run[-1].end : p] for w in collective_systems()):
        return []  # 宁波、温州两地法院分别…: the regions' courts, whose lead bodies the subject rules find
    names = [region_name(r, document_codes) for r in run]
    return [n for n in names if n is not None] if all(names) else []


def _listed(text: str, p: int, before: list) -> list:
    """Of the mentions `before` (in text order), the run joined by 、 和 … whose last ends a few words
    before 分别, in its clause or the one before."""
    # in its clause, or the next one (宁波、温州、绍兴三地法院表现突出，化解率分别达到…): the run of
    # figures must match the list one for one all the same
    gap = text[before[-1].end : p] if before else ""
    if not before or len(gap) > 2 * GAP or any(c in CLAUSE_STOPS for c in gap) or sum(c in "，," for c in gap) > 1:
        return []
    run = [before[-1]]
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:])):
        if text[prev.end : nxt.start] not in LIST_JOINERS:
            break
        run.insert(0, prev)
    return run


# what may stand before a label of a listed figure (分别为姑苏区46.2%、吴中区51.8%; 其中杭州1200件)
LABEL_OPENERS = ("、", "，", ",", "：", ":", "为", "其中", "是")


# a count of the divisions just listed (和田市、墨玉县、洛浦县3个县市): no label of one of them
COUNTED_DIVISIONS = re.compile(
    r"[\d一二两三四五六七八九十]+个?(?:县市区|县市|县区|区县|乡镇|县|市|区|乡|镇|街道|村|社区|地|旗)"
)
LIST_LINKS = ("、", "和", "及", "与")


def counted_list(text: str, r, regions: list) -> bool:
    """和田市、墨玉县、洛浦县3个县市率先…: `r` opens a list of divisions (joined by 、 和 …) right followed by
    their count, so the figures are of them all, not of `r`."""
    last, members = r, 1
    while text.startswith(LIST_LINKS, last.end):
        last = next((o for o in regions if o.start == last.end + 1), None)
        if last is None:
            return False
        members += 1
    return members >= 2 and COUNTED_DIVISIONS.match(text, last.end) is not None


def labelled_subject(text: str, pos: int, insts: list, regions: list, document_codes: set[str]) -> str | None:
    """The body or region written right before the figure at `pos` as its label in a list of figures
    (分别为姑苏区46.2%、吴中区51.8%): the figure is that one's; else None."""
    for m in insts:
        if m.end == pos and not m.prefix_only and text.endswith(LABEL_OPENERS, 0, m.start):
            return m.name
    for r in regions:
        if r.end == pos and text.endswith(LABEL_OPENERS, 0, r.start) and not COUNTED_DIVISIONS.match(text, pos):
            return region_name(r, document_codes)
    return None


def respective_mechanisms(text: str, subject: list, mechs: list) -> dict[tuple[int, int], str]:
    """A、B分别推行X和Y: the body each mechanism after 分别 belongs to, by place, keyed by the mechanism's
    span; empty unless 分别 follows the sentence's subjects and its clause names as many mechanisms."""
    p = text.find("分别")
    if p < 0 or len(subject) < 2 or not 0 <= p - subject[-1].end <= 2:
        return {}
    stop = next((i for i in range(p, len(text)) if text[i] in CLAUSE_STOPS or text[i] in "，,"), len(text))
    run = sorted((m for m in mechs if p < m.start and m.end <= stop), key=lambda m: m.start)
    if len(run) != len(subject):
        return {}
    return {(m.start, m.end): body.name for m, body in zip(run, subject)}
