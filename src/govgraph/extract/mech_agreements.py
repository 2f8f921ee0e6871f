"""`mech.agreement`: the way of working together an agreement is signed for, named before 协议:
与…签订知识产权保护跨区域合作协议 (知识产权保护跨区域合作), 签订平安建设融合联动协作协议. The name ends in a
joining word (cues.pair_tails: 合作, 协作, 联动 …) and says more than the kind of agreement (签订战略合作协议,
签订合作协议: none); a titled one (签订《…协议》) and a private one (和解协议, 借款协议) name none."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon_mechanisms import MechanismCues, mechanism_cues
from ..segment import jieba_pos
from .mech_forms import BARE_STOP_FLAGS
from .mech_names import Candidate, body_words, generic_only, plausible

# (not 会签: 总工会签订 holds it across two words)
SIGN_VERBS = ("签订", "签署")


@lru_cache(maxsize=4)
def _agreement_pattern(cues: MechanismCues) -> re.Pattern:
    tails = "|".join(map(re.escape, cues.pair_tails))
    return re.compile(
        rf"(?:{'|'.join(SIGN_VERBS)})[了的]?(?P<name>[\u4e00-\u9fff]{{2,12}}?(?:{tails}))协议" if tails else "(?!)"
    )


def agreements(text: str) -> list[Candidate]:
    """签订知识产权保护跨区域合作协议: the way of working together the agreement is for."""
    if "协议" not in text:
        return []  # the common case: one scan
    cues = mechanism_cues()
    out = []
    for m in _agreement_pattern(cues).finditer(text):
        name = m.group("name")
        words = jieba_pos(name)
        if any(f in BARE_STOP_FLAGS or w in cues.stop or w in cues.setup or w in body_words() for w, f in words):
            continue  # 签订合作协议的单位: no name
        if all(w in cues.agreement_kinds or w in cues.generic for w, _ in words):
            continue  # 签订战略合作协议: the kind of agreement, no way of working
        if len(name) >= 4 and plausible(name) and not generic_only(name, cues):
            out.append(Candidate(m.start("name"), m.end("name"), name, "mech.agreement"))
    return out
