"""One case's story: its figures (a private debt, the sum at stake, the parties) are no outcome
(SPEC v2, Rulings: Quantities). A sentence tells one when it names one case (一起…案), a party by
surname (张某), or when its paragraph opened telling one (or naming an anonymised organisation,
某置业公司); a paragraph opening with a case's label (案例一：) tells nothing else, nor does the
paragraph under a label standing as a line of its own (案例二：某建筑公司拒不执行判决案). The cue
words are data (data/quantity_cues.tsv)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import quantity_cues
from ..spans import words_pattern


def has_cue(text: str, role: str) -> bool:
    """One of the role's cue words (data/quantity_cues.tsv) is in `text`."""
    return _cue_pattern(role).search(text) is not None


@lru_cache(maxsize=32)
def _cue_pattern(role: str) -> re.Pattern:
    """One regex for a role's cue words: one scan of the clause instead of an `in` for each word
    (a figure's clause is asked about a dozen roles, some of forty words)."""
    return words_pattern(quantity_cues().get(role, ()))


@lru_cache(maxsize=1)
def _anonymised_party() -> re.Pattern:
    """张某, 李某某: a party of one case, named by surname."""
    return re.compile("(?:" + "|".join(map(re.escape, quantity_cues().get("surname", ()))) + ")某")


@lru_cache(maxsize=1)
def _anonymised_body() -> re.Pattern:
    """某置业公司, 山西某饭店: an anonymised organisation (SPEC: 某银行 is a party, no institution). A
    sentence naming one may still give the work done on its cases (全盟法院共受理涉某矿业有限公司执行案件53件);
    a paragraph opening with one tells its story."""
    bodies = "|".join(map(re.escape, quantity_cues().get("anonymised_body", ()))) or "(?!)"
    return re.compile(rf"某[\u4e00-\u9fff]{{0,6}}?(?:{bodies})")


# 河南日报讯（记者 马某）: a reporter of the byline, not a party
REPORTER_BEFORE = re.compile(r"(?:记者|通讯员|编辑)\s*$")
# 第七检察部主任王某介绍: an official giving an account of the work, not a party
OFFICIAL_BEFORE = re.compile(
    r"(?:主任|局长|院长|检察长|庭长|所长|处长|科长|厅长|部长|书记|负责人|主席|会长|队长|站长)$"
)
SPEAKS_AFTER = re.compile(r"(?:介绍|表示|说|指出|告诉记者)")


def _party_named(sentence_before: str) -> bool:
    return "某" in sentence_before and any(
        REPORTER_BEFORE.search(sentence_before, 0, m.start()) is None
        and not (OFFICIAL_BEFORE.search(sentence_before, 0, m.start()) and SPEAKS_AFTER.match(sentence_before, m.end()))
        for m in _anonymised_party().finditer(sentence_before)
    )


# 一起 counting one case (一起金融借款合同纠纷案中), not 一起 "together" (与检察院一起开展…) nor 每一起
# "every single" (对每一起案件开展同步监督); a man's or a woman's story (一男子报警), not a women's prison (甘肃省女子监狱)
ONE_CASE = re.compile(
    r"(?<!每)一起[^，。；,;]{0,20}?(?:案|纠纷|事故|事件)|[男女]子(?!监狱|戒毒|学校|学院|中学|大学|篮球|足球|排球)"
)
# the words ONE_CASE holds: asked first, as `re` tries a pattern opening with a look-behind at every character
ONE_CASE_WORDS = re.compile("一起|男子|女子")
CLAUSE_END = re.compile(r"[，。；,;]")


def _tells_one(text: str, upto: int, start: int) -> bool:
    """The sentence names one case (up to `upto`) or a party (before `start`)."""
    return (
        has_cue(text[:start], "one_case")
        or (ONE_CASE_WORDS.search(text, 0, upto) is not None and ONE_CASE.search(text, 0, upto) is not None)
        or _party_named(text[:start])
    )


def opens_a_case(sentence: str) -> bool:
    """A paragraph's opening sentence that tells one case's story (在一起金融借款合同纠纷案中，…;
    2018年，某投资公司向某置业公司出借资金1亿元)."""
    return _tells_one(sentence, len(sentence), len(sentence)) or _anonymised_body().search(sentence) is not None


def story(text: str, start: int, end: int, before: str, duration: bool, in_case: bool = False) -> bool:
    """A figure of one case's story (SPEC: a private debt, the sum at stake, the parties; a party
    named by surname, 农民工张某拿到了被拖欠的3.2万元工资), not of the work done on it (仅用11天 is;
    仅用11天时间就使16名农民工… the 16 are the story's). `in_case`: the paragraph opened telling one case,
    so its sentences go on telling it (置业公司名下32套房产被查封) unless one sums up the work beyond it
    (今年以来，该院共执结案件4.7万件: quantity_cues.tsv beyond_case)."""
    cues = quantity_cues()
    clause_end = CLAUSE_END.search(text, end)  # 一起涉及16名农民工的案件: the case word may follow the figure
    told = in_case and not has_cue(text, "beyond_case")
    if not told and not _tells_one(text, clause_end.start() if clause_end else len(text), start):
        return False
    results = cues.get("result", ()) + (cues.get("result_duration", ()) if duration else ())
    return not any(w in before for w in results)


@lru_cache(maxsize=1)
def _case_label() -> re.Pattern:
    words = "|".join(map(re.escape, quantity_cues().get("case_story", ()))) or "(?!)"
    return re.compile(rf"^[【\[（(]?(?:{words})[一二三四五六七八九十\d]*[】\]）)]?\s*[：:、.．】]")


def tells_a_case(paragraph_opening: str) -> bool:
    """A paragraph opening with a case's label (案例一：, 【基本案情】) tells one case's story."""
    return _case_label().match(paragraph_opening) is not None


LABEL_LINE = 40  # how long a case's label with its title (案例二：某建筑公司拒不执行判决案) may be as a line of its own


def is_label_line(sentence: str) -> bool:
    """A case's label and title standing as a paragraph of its own: short, no sentence's end."""
    return len(sentence) <= LABEL_LINE and not sentence.rstrip().endswith(("。", "！", "？", "!", "?"))
