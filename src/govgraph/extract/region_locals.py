"""What a sentence's region mentions gain from the document and from each other once the gazetteer's names
and the chained townships are read (`regions._sentence_regions`): the townships and villages the document
named before (region.local.known), townships listed beside a found one (region.local.list) and villages right
after a township (region.local.village); a short form that is a named township's name is dropped."""

from __future__ import annotations

import re

from .region_records import RegionMention
from .townships import LOCAL, TOWNSHIP_SUFFIXES, local_ok

VILLAGE_SUFFIXES = ("村", "行政村", "社区", "嘎查")  # what stands in a township


def local_mention(lm: re.Match, parent, rule: str) -> RegionMention:
    suffix = lm.group(2)
    level = "village" if suffix in ("村", "行政村", "嘎查", "社区") else "township"
    name = lm.group(1) + ("村" if suffix == "行政村" else suffix)
    return RegionMention(lm.start(), lm.end(), lm.group(0), [], False, level, parent, rule, name)


def free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


def not_township_stems(found: list[RegionMention], local_names: dict[str, str]) -> list[RegionMention]:
    """A short form that is the name of a township the document names (玉林派出所 after 玉林街道) is the
    township's, not the city's (玉林市)."""
    if not any(m.is_short for m in found):
        return found  # the common case: no short form to test
    here = {m.surface for m in found if m.local_level == "township"}

    def township(name: str) -> bool:  # a township the sentence or the document names
        return name in here or local_names.get(name) == "township"

    return [m for m in found if not (m.is_short and any(township(m.surface + sfx) for sfx in TOWNSHIP_SUFFIXES))]


def villages_after(text: str, found: list[RegionMention]) -> list[RegionMention]:
    """在乌镇镇陈庄村: a village right after a township found on its own (not chained to a division)."""
    out = []
    spans = [(m.start, m.end) for m in found]
    for m in found:
        if m.local_level != "township" or m.local_parent is not None or "某" in text[max(0, m.start - 3) : m.start]:
            continue  # 某县城关镇李庄行政村: an anonymised address
        lm = LOCAL.match(text, m.end)
        if lm and lm.group(2) in VILLAGE_SUFFIXES and local_ok(lm, chained=True) and free(spans, *lm.span()):
            out.append(local_mention(lm, m, "region.local.village"))
    return out


# what may stand right before a listed township's name (在箬横镇、松门镇): a preposition, a conjunction, punctuation
LIST_NAME_BOUNDARY = set('在于对从到至及和与、，,。；;：:（(“"\n ')


def listed_townships(text: str, found: list[RegionMention]) -> list[RegionMention]:
    """箬横镇、松门镇: a name with the same suffix beside a found township, across a 、, is a
    township too (jieba need not know it). Its name is 2-3 characters after a boundary. A township in the
    middle of a list vouches for the names on both sides (乌峰街道、南台街道、旧府街道)."""
    out: list[RegionMention] = []
    spans = [(m.start, m.end) for m in found]
    for m in found:
        suffix = m.surface[-2:] if m.surface.endswith("街道") else m.surface[-1:]
        if m.local_level != "township" or suffix not in TOWNSHIP_SUFFIXES:
            continue
        for start, end in _beside(text, m, suffix):
            lm = LOCAL.fullmatch(text, start, end)
            # the township beside vouches for the name, as a division before it does (大洋街道、古城街道)
            if lm and local_ok(lm, chained=True) and free(spans, start, end):
                out.append(local_mention(lm, m.local_parent, "region.local.list"))
                spans.append((start, end))
    return out


def _beside(text: str, m: RegionMention, suffix: str) -> list[tuple[int, int]]:
    """The spans a township's name with `suffix` may take right before and right after `m`, across a 、."""
    out = []
    if m.start > 0 and text[m.start - 1] == "、":  # the item before it
        end = m.start - 1
        start = next((end - len(suffix) - n for n in (2, 3) if _bounded(text, end - len(suffix) - n)), None)
        if start is not None and text.startswith(suffix, end - len(suffix)):
            out.append((start, end))
    if text.startswith("、", m.end):  # the item after it
        start = m.end + 1
        end = next((start + n + len(suffix) for n in (2, 3) if text.startswith(suffix, start + n)), -1)
        if end >= 0:
            out.append((start, end))
    return out


def _bounded(text: str, start: int) -> bool:
    return start >= 0 and (start == 0 or text[start - 1] in LIST_NAME_BOUNDARY)


def known_locals(
    text: str, result: list[RegionMention], taken: list[tuple[int, int]], known: list[tuple[str, str]]
) -> list[RegionMention]:
    """Add the townships and villages named earlier in the document (`known`: those of their names, with their
    levels, that the sentence holds) that stand alone here; the mentions in text order."""
    # (a stable sort: the same order as of all the document's names)
    for surface, level in sorted(known, key=lambda kv: -len(kv[0])):
        start = 0
        while (i := text.find(surface, start)) >= 0:
            # 太平溪镇 named before holds the 平溪镇 a pattern read in 太|平溪镇党委: the known name wins
            inner = [m for m in result if m.local_level and i <= m.start and m.end <= i + len(surface)]
            if inner and all(m.end - m.start < len(surface) for m in inner):
                result = [m for m in result if m not in inner]
                taken = [t for t in taken if t not in [(m.start, m.end) for m in inner]]
            if free(taken, i, i + len(surface)):
                name = surface[:-3] + "村" if surface.endswith("行政村") else surface
                # 古田镇五龙村: a village right after a township is the township's
                town = next((m for m in result if m.end == i and m.local_level == "township"), None)
                parent = town if level == "village" else None
                result.append(
                    RegionMention(i, i + len(surface), surface, [], False, level, parent, "region.local.known", name)
                )
                taken.append((i, i + len(surface)))
            start = i + len(surface)
    result.sort(key=lambda m: m.start)
    return result
