"""Figures listed after 分别 for bodies listed before it, one by one (红花岗区人民法院、汇川区人民法院
结收案比分别为101.2%、99.6%: the first figure is the first court's, the second the second's).
The list of bodies and the list of figures must have the same length; otherwise nothing changes."""

from __future__ import annotations

import re

from .inst_base import LIST_JOINERS
from .regions import region_name

# between 分别 and its first figure (a few words), and between two figures of the list
LEAD = re.compile(r"^[\u4e00-\u9fff]{0,12}$")  # 分别为, 分别破获案件, 分别办理涉未成年人案件
BETWEEN = re.compile(r"^(?:、|和|及|，|,)$")
GAP = 14  # the most characters between the last body and 分别 (its metric's words: 结收案比)
CLAUSE_STOPS = "。；;！？!?"


def respective_subjects(text: str, insts: list, spans: list[tuple[int, int]]) -> list[str | None]:
    """For each figure at `spans`, the body it belongs to by the 分别 rule, else None."""
    out: list[str | None] = [None] * len(spans)
    start = 0
    listed: list[str] = []  # the bodies of the last 分别 run, for its changes (同比分别上升…) after it
    while (p := text.find("分别", start)) >= 0:
        start = p + 2
        run = _figure_run(text, p + 2, spans)
        bodies = _body_list(text, p, insts) or (listed if _compares(text, p) else [])
        if len(run) >= 2 and len(run) == len(bodies):
            for i, body in zip(run, bodies):
                out[i] = body
            listed = bodies
    return out


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
    # in its clause, or the next one (宁波、温州、绍兴三地法院表现突出，化解率分别达到…): the run of
    # figures must match the list one for one all the same
    gap = text[before[-1].end : p] if before else ""
    if not before or len(gap) > 2 * GAP or any(c in CLAUSE_STOPS for c in gap) or sum(c in "，," for c in gap) > 1:
        return []
    names = [before[-1].name]
    for prev, nxt in zip(reversed(before[:-1]), reversed(before[1:])):
        if text[prev.end : nxt.start] not in LIST_JOINERS:
            break
        names.insert(0, prev.name)
    return names


# what may stand before a label of a listed figure (分别为姑苏区46.2%、吴中区51.8%; 其中杭州1200件)
LABEL_OPENERS = ("、", "，", ",", "：", ":", "为", "其中", "是")


def labelled_subject(text: str, pos: int, insts: list, regions: list, document_codes: set[str]) -> str | None:
    """The body or region written right before the figure at `pos` as its label in a list of figures
    (分别为姑苏区46.2%、吴中区51.8%): the figure is that one's; else None."""
    for m in insts:
        if m.end == pos and not m.prefix_only and text.endswith(LABEL_OPENERS, 0, m.start):
            return m.name
    for r in regions:
        if r.end == pos and text.endswith(LABEL_OPENERS, 0, r.start):
            return region_name(r, document_codes)
    return None
