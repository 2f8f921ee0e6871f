"""What a mechanism name is, shared by the discovery rules (`mech_discovery`), the curated
matcher (`mechanisms`) and the resolver: quote characters, the candidate record, cleaning a name
of its generic words, and the plausibility filter (data/mechanism_stoplist.tsv)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import gazetteer, institution_heads
from ..lexicon_mechanisms import MechanismCues, mechanism_cues, mechanism_stoplist, mechanisms_by_label
from ..segment import jieba_pos
from ..spans import words_pattern

QUOTE_CHARS = "“”\"‘’'「」『』"
QUOTE = re.compile(f"[{re.escape(QUOTE_CHARS)}]")
NUM = "一二三四五六七八九十两双百千万多"
NUMERAL_CHARS = set(NUM + "级项个条种大号0123456789")
NO_NUMERALS = str.maketrans("", "", "".join(sorted(NUMERAL_CHARS)))  # (what is left of a name is counted)
CJK = re.compile(r"[\u4e00-\u9fff]")
SPACE = re.compile(r"\s")
LIST_MARKS = re.compile(r"[、+＋\-—]")  # a long name is a list of parts
PARTICLES = ("了", "起")  # 建立了, 建立起
# a name of two or more counted parts (四区五中心, 一中心四平台, 两站一中心)
COUNTED_PARTS = re.compile(rf"^[{NUM}][\u4e00-\u9fff]{{1,4}}[{NUM}][\u4e00-\u9fff]{{1,4}}")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str
    rule: str
    core: str = ""  # the quoted name itself, when the name is a quote (+ modifier)


def any_of(words) -> re.Pattern:
    """One regex that finds any of `words`, in sorted order (one scan instead of a `find` per word)."""
    return words_pattern(sorted(words))


@lru_cache(maxsize=1)
def stop_ends() -> tuple[str, ...]:
    return tuple(mechanism_stoplist().ends)


@dataclass(frozen=True)
class CuePatterns:
    """One regex for each list of cue words the rules look for in every sentence (one scan of it instead of
    a look for each word)."""

    founding: re.Pattern
    strong_tails: re.Pattern
    rule_suffixes: re.Pattern


@lru_cache(maxsize=4)
def cue_patterns(cues: MechanismCues) -> CuePatterns:
    return CuePatterns(any_of(cues.founding), any_of(cues.strong_tails), any_of(cues.rule_suffixes))


@lru_cache(maxsize=4)
def stops_inside(cues: MechanismCues) -> re.Pattern:
    """The stop and setup words of two characters or more (a word holding one is a stop)."""
    return any_of({w for w in cues.stop | set(cues.setup) if len(w) >= 2})


def clean_name(s: str) -> str:
    """Drop quotes and one or two trailing generic words (SPEC: 交叉执行工作机制 → 交叉执行)."""
    s = QUOTE.sub("", s).strip()
    cues = mechanism_cues()
    for _ in range(2):
        if not s.endswith(cues.strip):
            break  # the common case: no generic word ends it
        for word in cues.strip:
            if not s.endswith(word):
                continue
            rest = s[: -len(word)]
            # 五步工作法 keeps its word: 五步 alone is a count, not a name; so does 戒毒工作基本模式
            if len(rest.translate(NO_NUMERALS)) >= 2 and not rest.endswith(cues.keep_tail_after):
                s = rest
                break
    return s


def plausible(name: str, combined: bool = False) -> bool:
    """A name, not a slogan, a count, a fragment, or something the stoplist rules out. `combined`:
    the name joins parts before a generic word (“护边员+警务室”联防模式), and its last part may be a
    facility's name, as the whole is not."""
    stop = mechanism_stoplist()
    if len(name) < 2 or SPACE.search(name) or name in stop.names:
        return False
    if name in gazetteer().by_name:
        return False  # 域外法查明“厦门模式”: a place alone names the model, not what it is a model of
    if name.endswith(stop_ends()) and not COUNTED_PARTS.match(name) and not combined:
        return False  # 诉讼服务中心 is a facility; 四区五中心 a programme of counted parts
    if len(name.translate(NO_NUMERALS)) < 2:
        return False
    if "、" in name and any(part.endswith(stop.part_ends) for part in name.split("、")):
        return False  # 调解优先、诉讼断后: a principle
    if len(name) > 16 and not LIST_MARKS.search(name):
        return False
    # 每周研判制度和每月调度: a generic word and a conjunction inside end one name and start another
    return not ("制度" in name or "机制" in name) or not any(w in name for w in JOINED_TAILS)


JOINED_TAILS = tuple(f"{tail}{joint}" for tail in ("制度", "机制") for joint in "和及与、")


def past_bad_start(text: str, start: int, end: int, cues: MechanismCues) -> int:
    """Where a name starts once the words it cannot start with are passed (长效, 常态化: 建立常态化
    府院联动机制 names 府院联动)."""
    if not text.startswith(cues.bad_start, start):
        return start  # the common case: none of them at the start, where the loop would move on from
    for bad in cues.bad_start:
        if text.startswith(bad, start) and end - start > len(bad):
            start += len(bad)
    return start


STOP_TAGS = "rpcuxftqz"  # any tag starting so
STOP_FLAGS = ("ns", "nr", "nt", "nrt")


def _has_stop(word: str, cues: MechanismCues) -> bool:
    """A word that is, or holds, a stop or setup word (jieba keeps 充分发挥 as one word)."""
    if word in cues.stop or word in cues.setup:
        return True
    return stops_inside(cues).search(word) is not None


def stops_phrase(word: str, flag: str, cues: MechanismCues) -> bool:
    """A word an unquoted name cannot hold: a pronoun, particle, place or person name, stop or setup word, or a body."""
    if word in cues.openers or word in curated_labels():
        return False  # 反 (jieba: zg) opens 反家暴多部门联动; jieba tags 法律援助 as a person's name
    return flag[0] in STOP_TAGS or flag in STOP_FLAGS or _has_stop(word, cues) or word in body_words()


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """Words that name a public body (法院, 中院, 检察院, 公安局): the actor, not part of the name it
    carries out (大同中院执行联动机制 names 执行联动)."""
    kinds = ("court", "procuratorate", "public_security", "justice", "party", "government")
    return frozenset(
        h
        for h, v in institution_heads().items()
        if len(h) >= 2 and v.kind in kinds and v.scope in ("regional", "national") and h not in FUNCTION_HEADS
    )


# heads that name a function as often as its body (知识产权检察职能…改革, 公益诉讼检察): a name may hold them
FUNCTION_HEADS = frozenset({"检察"})


def generic_only(name: str, cues: MechanismCues, kinds: bool = False) -> bool:
    """Only generic words and stray characters; characters jieba leaves one by one in a row are read
    as one word (涉铁案件快办: 涉|铁 and 快|办 are words of the name, not stray characters). `kinds`:
    also a name made only of words any measure may be called by (创建活动, 专项行动, 试点工作)."""
    if kinds and _kind_only(name, cues):
        return True
    words: list[str] = []
    single = False
    for w, _ in jieba_pos(name):
        if len(w) == 1 and single:
            words[-1] += w
        else:
            words.append(w)
        single = len(w) == 1
    return all(w in cues.generic or len(w) == 1 for w in words)


# words a campaign or a pilot of any kind is called by, besides the generic words and tails
KIND_WORDS = ("专项", "集中", "示范")


def _kind_only(name: str, cues: MechanismCues) -> bool:
    """The name is spelled out by generic words, tails and KIND_WORDS alone (jieba keeps 创建活动 and
    试点工作 as one word each, so the words are matched on the characters)."""
    kinds = _kind_words(cues)
    ends = {0}
    for i in range(len(name)):
        if i in ends:
            ends.update(i + len(w) for w in kinds if name.startswith(w, i))
    return len(name) in ends


@lru_cache(maxsize=4)
def _kind_words(cues: MechanismCues) -> tuple[str, ...]:
    return tuple(set(cues.generic) | set(cues.strong_tails) | set(cues.weak_tails) | set(KIND_WORDS))


# a quote framed as the lever a body takes (以“一案一码”为抓手), or as what it weaves into its work
# (把“三级联调”与信访工作结合起来, 将“三所联动”与网格管理相融合): the quote names a way of working
LEVERS = "抓手|切入点|着力点|突破口|载体"
LEVER_AFTER = re.compile(f"为(?:{LEVERS})")
# 以X为抓手: an unquoted measure a body takes as its lever (not 以人民为中心, 以需求为导向), read by mech_forms.framed
FRAME = re.compile(r"以(?P<name>[\u4e00-\u9fff]{4,12})为(?:" + LEVERS + ")")
WOVEN_AFTER = re.compile(r"[与同][^，。；“”]{1,12}?(?:相|有机|深度)?(?:结合|融合|衔接)")


def framed_quote(text: str, start: int, end: int) -> bool:
    """The quote at text[start:end] (its marks included) is framed as a lever or as woven into the work."""
    if text.endswith("以", 0, start):
        return LEVER_AFTER.match(text, end) is not None
    return text.endswith(("把", "将"), 0, start) and WOVEN_AFTER.match(text, end) is not None


# verbs that take 出 for what they bring forth (总结出…工作法); 建立出 is no verb
OUT_VERBS = ("总结", "提炼", "探索", "摸索", "打造")


def setup_before(text: str, pos: int, cues: MechanismCues) -> bool:
    """A setup verb ends at `pos`, maybe followed by 了/起/出."""
    head = text[max(0, pos - 6) : pos]
    if head.endswith(cues.setup):
        return True  # 推出 is a verb of its own
    if head.endswith("出"):
        return head[:-1].endswith(OUT_VERBS)
    # 建立了, 建立起: a setup verb before the particle (a head without one failed the test above already)
    return head.endswith(PARTICLES) and head[:-1].endswith(cues.setup)


# what a name may be about, written between the setup verb and the quoted name (实行纠纷“一码受理”)
DOMAIN_TAGS = ("n", "vn", "an", "nz", "j", "v")  # an: 矛盾 (推行矛盾纠纷“一站式接收、…”)
DOMAIN_MAX = 6


def setup_before_domain(text: str, pos: int, cues: MechanismCues) -> bool:
    """A setup verb, then a noun or two of at most DOMAIN_MAX characters ending at `pos`: 推行执行案件“一案一账户”,
    实行立案登记“一次办好” (the nouns say what the quoted name is about)."""
    run = 0  # the Chinese characters right before `pos`, up to DOMAIN_MAX
    while run < min(pos, DOMAIN_MAX) and "\u4e00" <= text[pos - run - 1] <= "\u9fff":
        run += 1
    for k in range(2, run + 1):
        if not setup_before(text, pos - k, cues):
            continue  # the cheap test first: most windows have no setup verb before them
        if _domain(text[pos - k : pos], cues):
            return True
    return False


# …or a short list of them (推行立案、审判、执行“一站通办”: the fields the quoted name covers)
DOMAIN_LIST = re.compile(r"(?:、[\u4e00-\u9fff]{2,4}){1,3}$")
DOMAIN_PART = (2, 3, 4)


def setup_before_domains(text: str, pos: int, cues: MechanismCues) -> bool:
    """A setup verb, then two to four domain words of 2-4 characters joined by 、, ending at `pos`."""
    rest = DOMAIN_LIST.search(text, max(0, pos - 15), pos)
    if rest is None:
        return False
    parts = rest.group(0)[1:].split("、")
    if not all(_domain(p, cues) for p in parts):
        return False
    return any(
        setup_before(text, rest.start() - k, cues) and _domain(text[rest.start() - k : rest.start()], cues)
        for k in DOMAIN_PART
        if k <= rest.start()
    )


def _domain(part: str, cues: MechanismCues) -> bool:
    """Nouns (or verbs used as nouns) saying what a name is about; 推行工作“清单化” has none (工作, a stop or a
    setup word)."""
    words = jieba_pos(part)
    return (
        all(CJK.match(ch) for ch in part)
        and len("".join(w for w, _ in words)) == len(part)
        and all(f in DOMAIN_TAGS for _, f in words)
        and not any(w in cues.stop or w in cues.setup or w == "工作" for w, _ in words)
    )


def setup_before_curated(text: str, pos: int, cues: MechanismCues) -> bool:
    """A setup verb, then a name of the curated scheme ending at `pos`: 推行行政争议实质性化解“三书同达” (the quote
    after it names a way of carrying that mechanism out)."""
    if pos < 2 or text[pos - 1] not in _label_ends():
        return False  # the common case: no label ends with the character before `pos`
    labels = curated_labels()
    return any(
        text[pos - k : pos] in labels and setup_before(text, pos - k, cues)
        for k in range(2, min(pos, LONGEST_LABEL) + 1)
    )


@lru_cache(maxsize=1)
def _label_ends() -> frozenset[str]:
    """The last characters of the curated labels."""
    return frozenset(label[-1] for label in curated_labels() if label)


LONGEST_LABEL = 16  # longer curated labels are not looked for before a quote


def starts_word(text: str, pos: int) -> bool:
    """jieba starts a word at `pos` (read in a short window around it)."""
    lo = max(0, pos - 6)
    at = lo
    for word, _ in jieba_pos(text[lo : pos + 6]):
        if at >= pos:
            return at == pos
        at += len(word)
    return False


MODIFIER_MAX = 8  # characters between a quote and its generic word (“两所一庭”联合调处工作机制)
# particles that end the modifier between a quote and its generic word (“X”的工作目标 is no tail)
MODIFIER_BREAKS = set("的了和与及等是在为将把对")
# words of a modifier that hold such a particle's character (“访调诉”对接机制, “背靠背”和解机制)
MODIFIER_WORDS = ("对接", "和解")


def tail_at(text: str, pos: int, cues: MechanismCues, weak: bool = True) -> tuple[str, int, str] | None:
    """(modifier, end, generic word) when a generic word follows `pos` after at most
    MODIFIER_MAX characters."""
    found = _tail_from(text, pos, cues.strong_tails + (cues.weak_tails if weak else ()), cues)
    if found is not None and weak and found[2] not in cues.strong_tails:
        # a weak word may be the first word of a longer phrase a strong one ends (“情指行”一体化实战化运行机制)
        return _tail_from(text, pos, cues.strong_tails, cues) or found
    return found


def _tail_from(text: str, pos: int, tails: tuple[str, ...], cues: MechanismCues) -> tuple[str, int, str] | None:
    for k in range(MODIFIER_MAX + 1):
        if pos + k > len(text):
            break
        modifier = text[pos : pos + k]
        # the character the modifier took last (those before it passed): no CJK, or a particle, ends it
        # (a modifier opening with such a word only: “总对总”诉调对接机制 is named with its modifier)
        if k and (
            not "\u4e00" <= modifier[-1] <= "\u9fff"  # (CJK's range)
            or (modifier[-1] in MODIFIER_BREAKS and not (k == 1 and text.startswith(MODIFIER_WORDS, pos)))
        ):
            break
        if k and modifier.endswith(cues.modifier_verbs) and _targeted(text, pos):
            break  # 对“黑车”开展集中整治: the quote is what the verb's act targets, the generic word the act's own
        if not text.startswith(tails, pos + k):
            continue  # the common case: no generic word here
        for t in tails:
            if text.startswith(t, pos + k) and not text.startswith(cues.not_after_tail, pos + k + len(t)):
                return modifier, pos + k + len(t), t
    return None


def _targeted(text: str, pos: int) -> bool:
    """对 (针对) stands before the quotes that end at `pos`, in their clause: they name the act's target."""
    start = max(text.rfind(c, 0, pos) for c in "，。；：,;:") + 1
    first_quote = text.find("“", start, pos)
    return first_quote > start and "对" in text[start:first_quote]


PLACE_FLAG = "ns"  # jieba's tag of a place name
PAIR_JOINERS = ("与", "和")  # what joins the two sides of a pair (行政复议与行政诉讼衔接; jieba: p or c)


def joined_body(words, i: int, cues: MechanismCues) -> bool:
    """Word `i`, just before the joiner of a pair, is a body named by kind (法院, 检察机关), which
    then is one side of the pair (人民法院与基层组织对接, 检察机关与行政机关衔接), unless a place
    before it makes it a named body, the actor (大同中院与公安机关联动: 大同|中院)."""
    word, _ = words[i]
    if word not in body_words():
        return False
    before = words[i - 1] if i else None
    return before is None or (before[1] != PLACE_FLAG and stops_phrase(before[0], before[1], cues))


@lru_cache(maxsize=1)
def curated_labels() -> frozenset[str]:
    """Every label of the curated scheme (ontology/mechanisms.ttl)."""
    return frozenset(mechanisms_by_label())
