"""Whether a metric label is a clean noun phrase, and the repair of one that is a sentence fragment.

A label is a fragment when it holds punctuation or a figure, is too long, or when jieba reads
a word in it that no noun phrase holds: an adverb (就, 终于, 已经), a pronoun or determiner
(该, 这里, 各类), a preposition (在, 与), an aspect particle (了, 着). The repair keeps what the
figure counts, the words after the last such word (拦截了该女子即将被骗的资金 → 资金), with the
verb that governs them (拦截资金), or, when nothing of a noun is left, the verb and the noun
after the figure (这里已经种植了2032亩生态油茶林 → 种植生态油茶林).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import quantity_cues
from ..segment import jieba_pos
from .quantities import find_quantities

MAX_LABEL = 16
PUNCT = re.compile(r"[，。、；：？！“”‘’（）()《》\[\]【】,.;:?!\"'\s·…—\-+/%＋]")
DIGIT = re.compile(r"\d")
# adverbs that belong in a label (同比增长, 累计受理, 平均周期)
# 不/未 negate what follows (附条件不起诉, 不批准逮捕): dropping them turns the label round
LABEL_ADVERBS = {"同比", "环比", "累计", "平均", "共同", "依法", "按期", "按时", "当场", "一次性", "不", "未"}
# what a label may end in: the measure words metric labels are given
MEASURES = ("金额", "人次", "用时", "面积", "长度", "重量", "比例", "人数", "数量", "数")
NOUNISH = ("n", "vn", "nz", "j", "l", "an", "ng", "nt", "b")
# nouns of place and time say where or when, not what is counted (与全国181家县域城市)
PLACE = ("ns", "s", "f", "t")
ASPECT = {"了", "着", "过"}
# prepositions that belong in a label: a share (破产成本占破产财产的比例), a comparison (较去年增长)
LABEL_PREPOSITIONS = {"占", "较", "比"}
COPULAS = {"是"}
# the whole of a division: where, not what (与全国181家县域城市)
SCOPE_WORDS = {"全国", "全省", "全市", "全县", "全区", "全州", "全盟", "全旗"}
# characters that open no noun phrase: adverbs, causatives, prepositions (就让执行款全部到账)
OPENERS = "的了着就都也还又更已把将被对与及或等之其该这那让使没"
# legal nouns that open with a passive marker, read as one word (查找被执行人, 返还被骗资金)
LEGAL_NOUNS = re.compile(
    r"被执行人|被申请人|被申请执行人|被害人|被害未成年人|被害妇女|被告人|被告|被上诉人|被监护人|被骗资金|被骗钱款|被骗款|被盗财物|被拐儿童|被拐妇女"
)


# how a change is said: against what (同比, 较去年全年), maybe 分别, and which way (上升, 缩短)
COMPARED = r"(?:同比(?:上一?年度?)?|环比|较[^，,；;。]{0,10}?|比[^，,；;。]{0,10}?)"
CHANGED = r"(?:继续|持续)?(?:增长|上升|下降|减少|提升|提高|缩短|降低|增加|压缩|扩大|扩展)了?"
# a change said after what changed (执行完毕率较去年全年增长): jieba may glue the two (率较)
CHANGE_TAIL = re.compile(COMPARED + CHANGED + "$")


def fragment_reason(label: str) -> str | None:
    """Why `label` is no clean noun phrase (None when it is one, or a clean one and its change)."""
    reason = _fragment_reason(label)
    tail = CHANGE_TAIL.search(label) if reason is not None and len(label) <= MAX_LABEL else None
    if tail is not None and tail.start() >= 2 and _fragment_reason(label[: tail.start()]) is None:
        return None
    return reason


def _fragment_reason(label: str) -> str | None:
    if len(label) < 2:
        return "too short"
    if len(label) > MAX_LABEL:
        return "too long"
    if PUNCT.search(label):
        return "punctuation"
    if DIGIT.search(label) and find_quantities(label):
        return "a figure"
    if label[0] in OPENERS and not LEGAL_NOUNS.match(label):
        return f"opens with {label[0]}"
    core = _core(label)[0] or label
    if core in SCOPE_WORDS:
        return f"only {core}"  # 在全市18个县设立…: where, not what is counted
    words = words_of(core)
    if words[0][1].startswith(("c", "u", "p")):
        return f"opens with {words[0][0]}"
    if len(words[0][0]) == 1 and len(words) > 1 and words[1][0] == "的":
        return f"opens with {words[0][0]}的"  # 骗的资金: the end of a clause cut short
    if words[-1][1].startswith(("c", "u", "p", "r")):
        return f"ends with {words[-1][0]}"
    bad = next((w for w, f in words if _function_word(w, f)), None)
    return f"holds {bad}" if bad is not None else None


def whole_nouns() -> tuple[str, ...]:
    """data/quantity_cues.tsv's `whole_noun` words (占|比, 司法|所, 网格|员), longest first."""
    return quantity_cues().get("whole_noun", ())


@lru_cache(maxsize=1)
def _whole_nouns() -> re.Pattern:
    """Nouns jieba cuts that a label keeps whole: the legal nouns above and the `whole_noun` words."""
    return re.compile("|".join([LEGAL_NOUNS.pattern, *map(re.escape, whole_nouns())]))


def words_of(text: str) -> list[tuple[str, str]]:
    """jieba's words and tags, legal nouns such as 被执行人 and the whole nouns (占比, 司法所) kept whole."""
    out: list[tuple[str, str]] = []
    at = 0
    for m in _whole_nouns().finditer(text):
        out += jieba_pos(text[at : m.start()]) if m.start() > at else ()
        out.append((m.group(0), "n"))
        at = m.end()
    out += jieba_pos(text[at:]) if at < len(text) else ()
    return out


def _function_word(word: str, flag: str) -> bool:
    if word in ASPECT or word in COPULAS or flag in ("ul", "uz", "ug", "y", "e"):
        return True
    if flag.startswith("r") or (flag == "p" and word not in LABEL_PREPOSITIONS):
        return True
    return flag == "d" and word not in LABEL_ADVERBS


def repair(label: str, noun_after: str) -> str:
    """The label's core as a clean phrase (see the module's docstring); "" when nothing is left."""
    core, measure = _core(label)
    core = core if LEGAL_NOUNS.match(core) else core.lstrip(OPENERS)
    words = [(w, f) for w, f in words_of(core) if not PUNCT.fullmatch(w)]
    if len(words) > 1 and len(words[0][0]) == 1 and not words[0][1].startswith(("v", "a", "m")):
        words = words[1:]  # 南京市民: a stray character left by a division's name
    cut = max(
        (i for i, (w, f) in enumerate(words) if _function_word(w, f) or f[:1] in ("c", "m", "x", "q")), default=-1
    )
    verb = ""
    if any(w == "的" for w, _ in words[cut + 1 :]):
        # 拦截了该女子即将被骗的资金: the clause's first verb and what follows the last 的
        cut = max(i for i, (w, _) in enumerate(words) if w == "的")
        verb = next((w for w, f in words[:cut] if f.startswith("v") and len(w) > 1), "")
    rest = words[cut + 1 :]
    while rest and rest[-1][1] in ("f", "d", "u"):
        rest.pop()  # 收到文书后: a time word closing the clause
    verb = verb or _governing_verb(words, cut)
    counted = _leading_nouns(noun_after)
    if counted and (not rest or rest[-1][1].startswith("v")):
        rest = rest[-1:]  # 挽回了50万元的经济损失: the verb and what the figure counts
    if not any(_noun(w, f) for w, f in rest):
        # nothing of a noun is left: the last verb and what the figure counts
        verbs = [w for w, f in rest if f.startswith("v")] or ([verb] if verb else [])
        head = (verbs[-1] if verbs else "") + counted
        return _short(head) + measure if head and not fragment_reason(head) else ""
    phrase = "".join(w for w, _ in rest)
    if verb and not rest[0][1].startswith("v"):
        phrase = verb + phrase
    elif counted and not phrase.endswith(counted) and not any(f.startswith("v") for _, f in rest):
        phrase += counted  # 是法庭5名干警: whose, then what the figure counts
    phrase = _short(phrase)
    return phrase + measure if phrase and not fragment_reason(phrase + measure) else ""


def _noun(word: str, flag: str) -> bool:
    return flag.startswith(NOUNISH) and not flag.startswith(PLACE) and word not in SCOPE_WORDS


def _leading_nouns(text: str) -> str:
    """The nouns that open `text` (县域城市签订… → 县域城市)."""
    out = ""
    for word, flag in words_of(text):
        if not _noun(word, flag):
            break
        out += word
    return out


def _core(label: str) -> tuple[str, str]:
    """(what is measured, the measure word): 受理案件数 → (受理案件, 数), 破产财产的比例 → (破产财产, 比例)."""
    measure = next((m for m in MEASURES if label.endswith(m) and len(label) > len(m)), "")
    if measure == "人数" and LEGAL_NOUNS.search(label[:-1] + "$"):
        measure = "数"  # 查找被执行人数
    core = label[: len(label) - len(measure)]
    return (core[:-1] if core.endswith("的") and measure else core), measure


def _governing_verb(words: list[tuple[str, str]], cut: int) -> str:
    """The verb that governs the words after `cut`: the verb right before a determiner (调解各类案件),
    or the clause's first verb before a 的-phrase (拦截了该女子即将被骗的资金)."""
    if cut <= 0:
        return ""
    word, flag = words[cut]
    if flag.startswith("r") and words[cut - 1][1].startswith("v"):
        return words[cut - 1][0]
    if word == "的":
        return next((w for w, f in words[:cut] if f.startswith("v") and len(w) > 1), "")
    return ""


def _short(phrase: str) -> str:
    """The last words of a phrase, up to MAX_LABEL - 2 characters (room for the measure)."""
    if len(phrase) <= MAX_LABEL - 2:
        return phrase
    out = ""
    for word, _ in reversed(jieba_pos(phrase)):
        if len(out) + len(word) > MAX_LABEL - 2:
            break
        out = word + out
    return out
