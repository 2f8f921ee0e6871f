"""`mech.setup-verb+quoted-phrase`: a setup verb, a short quoted word that names no way of working alone
(“一对一”, “一站式”), or one that qualifies the word after it (“清单式”), and the phrase after it up to the
clause's end, which together are the name: 实行“一对一”审判辅助和心理辅导 → 一对一审判辅助和心理辅导 (as the
gold of d19 names it), 开展“清单式”监督 → 清单式监督."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon_mechanisms import MechanismCues
from ..segment import jieba_pos
from .mech_names import Candidate, plausible

PHRASE = r"[\u4e00-\u9fff]{2,9}"
# words that make the phrase a clause of its own, not a name's rest (“一站式”服务群众: a verb and its object)
PHRASE_STOP_FLAGS = ("r", "p", "u", "d", "m", "q", "t", "f")
JOINERS = ("和", "与", "及")
# a quote ending so qualifies the word after it and names a way of working only with it (“清单式”监督, “点穴式”巡察)
QUALIFIER_ENDS = ("式",)


@lru_cache(maxsize=4)
def _pattern(cues: MechanismCues) -> re.Pattern:
    verbs = "|".join(map(re.escape, cues.setup))
    return re.compile(rf"(?:{verbs})(?:了)?[“\"](?P<quote>[^”\"]{{2,4}})[”\"](?P<phrase>{PHRASE})(?=[，。；！,;])")


def quote_with_phrase(text: str, cues: MechanismCues) -> list[Candidate]:
    """The quote and the phrase after it, one name, when the quote alone is none."""
    if "“" not in text and '"' not in text:
        return []
    out = []
    for m in _pattern(cues).finditer(text):
        quote, phrase = m.group("quote"), m.group("phrase")
        if quote.endswith(QUALIFIER_ENDS) and plausible(quote):
            if not plausible(quote + phrase):
                continue
        elif plausible(quote) or not plausible(phrase):
            continue  # “快处快赔”: the quote is the name (the quoted rules read it)
        words = jieba_pos(phrase)
        if any(_breaks_name(w, flag, 0 < i < len(words) - 1, cues) for i, (w, flag) in enumerate(words)):
            continue
        out.append(Candidate(m.start("quote") - 1, m.end("phrase"), quote + phrase, "mech.setup-verb+quoted-phrase"))
    return out


def _breaks_name(word: str, flag: str, inside: bool, cues: MechanismCues) -> bool:
    """A word no name's rest holds; a joining word inside it joins two of its parts (审判辅助和心理辅导)."""
    if word in JOINERS and inside:
        return False
    return flag.startswith(PHRASE_STOP_FLAGS) or word in cues.stop or word in cues.setup
