"""`mech.setup-verb+counted`: a setup verb, a list of names joined by 、 (和, 及 before the last) and a count of
as many items right after it, before 机制/制度/措施/举措 (建立涉铁案件集中管辖、铁路沿线安全环境综合治理、涉铁
纠纷多元化解三项机制): the count says the items are mechanisms, each named on its own, as in a quoted list
(“轮岗交流、双向选择”两项机制) or one a setup verb closes with 等 (mech_forms.enumerated)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon_mechanisms import MechanismCues
from .mech_forms import COUNT_VALUES, UNQUOTED_STEPS, VERB_PARTICLE, enumerated_name
from .mech_names import Candidate, generic_only, starts_word

COUNTED_ITEM = r"[\u4e00-\u9fff]{2,14}?"
COUNTED_TAILS = ("机制", "制度", "措施", "举措")


@lru_cache(maxsize=4)
def _counted_pattern(cues: MechanismCues) -> re.Pattern:
    verbs = "|".join(map(re.escape, cues.listing))
    counts = "".join(COUNT_VALUES)
    return re.compile(
        rf"(?:{verbs}){VERB_PARTICLE}(?P<list>{COUNTED_ITEM}(?:(?:、|和|及){COUNTED_ITEM}){{1,5}})"
        rf"(?P<count>[{counts}])(?:项|个|大|种)(?:工作)?(?:{'|'.join(COUNTED_TAILS)})"
    )


# the count and the generic word that close such a list: most sentences have none (a quick test)
COUNTED_END = re.compile(rf"[{''.join(COUNT_VALUES)}](?:项|个|大|种)(?:工作)?(?:{'|'.join(COUNTED_TAILS)})")


def counted_lists(text: str, cues: MechanismCues) -> list[Candidate]:
    """Each item of a list a setup verb opens and a count of as many items closes."""
    if "、" not in text or not COUNTED_END.search(text):
        return []
    out = []
    for m in _counted_pattern(cues).finditer(text):
        parts = re.split("、|和|及", m.group("list"))
        if COUNT_VALUES[m.group("count")] != len(parts) or not starts_word(text, m.start()):
            continue
        if any(generic_only(p, cues) for p in parts):
            continue  # 建立少年家事案件调查、调解、心理疏导三项机制: a bare function (调解) makes it a list of functions
        at = m.start("list")
        for sep, part in zip(re.findall("^|、|和|及", m.group("list")), parts, strict=True):
            at += len(sep)
            if enumerated_name(part, cues):
                out.append(Candidate(at, at + len(part), part, "mech.setup-verb+counted"))
            at += len(part)
    return out


def spelled_method(text: str, quote: re.Match) -> list[Candidate]:
    """A method named by its count of steps, whose steps the quote before it spells out: “冲、刷、消、护”四步法 is
    one name, 冲、刷、消、护四步法 (the count alone says nothing of the method; unlike 三治融合, a name of its own)."""
    steps = UNQUOTED_STEPS.match(text, quote.end())
    if steps is None:
        return []
    name = quote.group(1).strip() + steps.group(0)
    return [Candidate(quote.start(), steps.end(), name, "mech.numbered", quote.group(1).strip())]
