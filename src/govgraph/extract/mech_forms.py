"""Mechanism names in forms the main discovery rules (`mech_discovery`) do not read:

* `mech.agent-pair`: two bodies in one character each and how they work together, one of them
  a justice body: 健全检企对接, 畅通警企合作路径, 警医联动;
* `mech.periodic`: routines held at an interval, before 制度 or 机制: 建立周例会、月调度制度 (周例会, 月调度);
* `mech.setup-verb+list`: a setup verb, parallel parts of one length joined by 、 and right after them
  a word for a way of working: 推行一站受理、一体化解工作模式 (a slogan-style name, one mechanism; with
  的 between, 全域覆盖、全时响应的防控体系, the parts describe);
* `mech.setup-verb+quoted-de`: a setup verb, a quoted name, 的 and words that make no name of their
  own before the generic word: 实行“调赔结合、保险兜底”的医疗纠纷化解模式 (the quote is the name; in
  构建“街道吹哨、部门报到”的物业纠纷联调体系 the phrase rules' 物业纠纷联调 is, and the quote describes it);
* `spells_out_count`: a quoted list that spells out the numbered name after it (“自治、法治、德治”三治融合)
  yields that name (read by `mech_discovery`);
* `mech.setup-verb+bare`: a founding verb and a bare name that ends the clause: 推行诉前鉴定，…;
* `mech.frame`: the measure a body takes as its lever: 以复绿管护为抓手; `mech.campaign`: a campaign launched
  under a name of its own, unquoted: 开展护校安园行动.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import institution_heads
from ..lexicon_mechanisms import MechanismCues, mechanism_cues
from ..segment import jieba_pos
from .mech_names import (
    FRAME,
    NUM,
    PAIR_JOINERS,
    Candidate,
    any_of,
    body_words,
    clean_name,
    cue_patterns,
    curated_labels,
    generic_only,
    plausible,
    starts_word,
)


def agent_pairs(text: str, cues: MechanismCues) -> list[Candidate]:
    """检企对接, 警医联动: two bodies in one character each (one a justice body) and a word of
    working together, standing as a word of its own (not 执法院联动)."""
    if not cues.pair_tails or not _pair_tail_pattern(cues).search(text):
        return []  # the common case (one scan, not a look for each word)
    out = []
    for m in _pair_pattern(cues).finditer(text):
        a, b = m.group(1), m.group(2)
        if a == b or a + b in cues.not_pairs or (a not in cues.pair_agents and b not in cues.pair_agents):
            continue
        if starts_word(text, m.start()):
            end = m.start() + 2 + len(m.group(3))
            out.append(Candidate(m.start(), end, text[m.start() : end], "mech.agent-pair"))
    return out


@lru_cache(maxsize=4)
def _pair_tail_pattern(cues: MechanismCues) -> re.Pattern:
    return any_of(cues.pair_tails)


@lru_cache(maxsize=4)
def _pair_pattern(cues: MechanismCues) -> re.Pattern:
    chars = re.escape(cues.pair_agents + cues.pair_partners)
    tails = "|".join(map(re.escape, cues.pair_tails))
    # the first character taken, not looked ahead at (the same starts): a pattern opening with a class is fast
    return re.compile(rf"([{chars}])(?=([{chars}])({tails}))")


# a method named by its steps: 五步调解法, 三字诀
UNQUOTED_STEPS = re.compile(
    r"[二三四五六七八九十两][步字招](?:调解|工作|办案|审判|执行|接访|服务|矫正|帮教)?(?:法(?![官律院治规定庭制学典])|诀)"
)


@lru_cache(maxsize=4)
def _numbered_before_tail(cues: MechanismCues) -> re.Pattern:
    words = "|".join(map(re.escape, cues.strong_tails))
    # the count's character first, so that `re` skips to where one stands; the look-behind then asks
    # that no Chinese character stands before it (the characters of NUM are Chinese ones)
    return re.compile(
        rf"([{NUM}](?<![\u4e00-\u9fff][{NUM}])[\u4e00-\u9fff]{{1,3}}[{NUM}][\u4e00-\u9fff]{{1,3}})(?={words})"
    )


def unquoted_numbered(text: str, cues: MechanismCues) -> list[Candidate]:
    """A numbered name right before a generic word (一核三治工作法), a method named by its steps (五步调解法)."""
    # (the numbered name stands before a strong generic word: a text holding none is not scanned for one)
    before_tail = _numbered_before_tail(cues).finditer(text) if cue_patterns(cues).strong_tails.search(text) else ()
    out = [Candidate(m.start(1), m.end(1), m.group(1), "mech.numbered") for m in before_tail if plausible(m.group(1))]
    # a method named by its steps, unquoted: 运用五步调解法, 三字诀 (not 进一步法治化)
    for m in UNQUOTED_STEPS.finditer(text):
        if starts_word(text, m.start()):
            out.append(Candidate(m.start(), m.end(), m.group(0), "mech.numbered"))
    return out


@lru_cache(maxsize=1)
def _periodic_pattern() -> re.Pattern:
    cues = mechanism_cues()
    item = f"(?:{'|'.join(cues.periods)})(?:{'|'.join(cues.routines)})" if cues.periods and cues.routines else "(?!)"
    return re.compile(rf"{item}(?:[、和及与]{item})*(?:工作)?(?:制度|机制)")


@lru_cache(maxsize=4)
def _routine_pattern(cues: MechanismCues) -> re.Pattern:
    """One routine held at an interval (周例会): the items of a `_periodic_pattern` run."""
    return re.compile(f"(?:{'|'.join(cues.periods)})(?:{'|'.join(cues.routines)})")


def periodic(text: str, cues: MechanismCues) -> list[Candidate]:
    """周例会制度, 周报告、月通报机制: each routine held at an interval names a mechanism."""
    if "制度" not in text and "机制" not in text:
        return []
    out = []
    for run in _periodic_pattern().finditer(text):
        found = list(_routine_pattern(cues).finditer(text, run.start(), run.end()))
        for m in found:
            end = run.end() if m is found[-1] else m.end()  # the last one's evidence takes the tail
            out.append(Candidate(m.start(), end, m.group(0), "mech.periodic"))
    return out


# ways of working a list of parallel parts names (not 机制 or 制度: 建立信息共享、联合执法机制 names two)
WAY_WORDS = ("工作模式", "工作方法", "工作法", "模式", "方法", "做法")
LIST_PART = r"[\u4e00-\u9fff]{3,6}?"
# what may stand between the setup verb and the name
VERB_PARTICLE = "(?:了|起|出|形成)?"
# words no part of a name holds (a part holding one is a clause, not a slogan)
PART_BREAKS = set("的了着在把将被对为以与和及或等是")
MODIFIER_MAX = 8
CLOSING_MARKS = '”"’」'  # what closes the quote of `_quoted_de_pattern`


@lru_cache(maxsize=4)
def _list_pattern(cues: MechanismCues) -> re.Pattern:
    verbs = "|".join(map(re.escape, cues.setup))
    ways = "|".join(map(re.escape, WAY_WORDS))
    return re.compile(rf"(?:{verbs}){VERB_PARTICLE}(?P<name>{LIST_PART}(?:、{LIST_PART}){{1,3}})(?:{ways})")


def _parallel(name: str) -> bool:
    """Parts of one length, none holding a particle: 一站受理、一体化解 (not 调查、心理疏导)."""
    parts = name.split("、")
    return len({len(p) for p in parts}) == 1 and not any(set(p) & PART_BREAKS for p in parts)


def _named_after(m: re.Match, phrases: list[tuple[int, int]]) -> bool:
    """The phrase after 的 is a name of its own (…的物业纠纷联调体系): the quote or list describes it."""
    return any(m.end("name") < s < m.end() for s, _ in phrases)


def _listed(text: str, cues: MechanismCues) -> list[Candidate]:
    if "、" not in text or not any(w in text for w in WAY_WORDS):
        return []  # the common case: no list, or no word for a way of working to end one
    out = []
    for m in _list_pattern(cues).finditer(text):
        name = clean_name(m.group("name"))
        parts = name.split("、")
        if not _parallel(name) or not all(plausible(p) for p in parts):
            continue
        if not all(generic_only(p, cues) for p in parts):
            out.append(Candidate(m.start("name"), m.end(), name, "mech.setup-verb+list"))
    return out


@lru_cache(maxsize=4)
def _quoted_de_pattern(cues: MechanismCues) -> re.Pattern:
    verbs = "|".join(map(re.escape, cues.setup))
    tails = "|".join(
        map(re.escape, sorted(set(cues.strong_tails + cues.weak_tails + WAY_WORDS), key=len, reverse=True))
    )
    return re.compile(
        rf"(?:{verbs}){VERB_PARTICLE}[“\"‘「](?P<name>[^“”\"‘’「」，,。；;！？!?：:\n]{{2,24}})[{CLOSING_MARKS}]"
        rf"(?P<de>的)(?P<mod>[\u4e00-\u9fff]{{0,{MODIFIER_MAX}}}?)(?:{tails})"
    )


def _quoted_de(text: str, cues: MechanismCues, phrases: list[tuple[int, int]]) -> list[Candidate]:
    if not any(q + "的" in text for q in CLOSING_MARKS):
        return []  # the common case: no quote closes right before a 的
    out = []
    for m in _quoted_de_pattern(cues).finditer(text):
        name = clean_name(m.group("name"))
        parts = name.split("、")
        if len(parts) > 4 or not all(plausible(p) for p in parts) or _named_after(m, phrases):
            continue
        out.append(Candidate(m.start("name") - 1, m.end("name") + 1, name, "mech.setup-verb+quoted-de", name))
    return out


COUNT_VALUES = {ch: i for i, ch in enumerate("一二三四五六七八九十", 1)} | {"两": 2, "双": 2}


def spells_out_count(inner: str, text: str, end: int) -> bool:
    """A quoted list of as many parts as the numbered name right after it counts: “自治、法治、德治”三治融合
    spells out 三治融合, which is the name (a list of two is 双/两: “调解、诉讼”双向衔接)."""
    parts = inner.split("、")
    return len(parts) > 1 and end < len(text) and COUNT_VALUES.get(text[end]) == len(parts)


# 建立联席会议、信息通报、线索移送等制度 (…等举措): the parts of a list closed by 等 and a generic word are each a name
# (SPEC: each named mechanism counts), unlike a list right before the word (建立信息共享、联合执法机制)
ENUMERATED_ITEM = r"[\u4e00-\u9fff]{2,8}?"
ENUMERATED_TAIL = ("机制", "制度")
ANCHORED_TAIL = ("举措", "措施", "做法")  # only with a part the scheme knows (not 走访、座谈等措施)


@lru_cache(maxsize=4)
def _enumerated_pattern(cues: MechanismCues) -> re.Pattern:
    # the verbs that found a mechanism and those that make one sound or carry it out (cues.listing; not
    # 明确, 适用: 明确了适用范围、方式选择等工作机制 lists a scheme's aspects)
    verbs = "|".join(map(re.escape, sorted(cues.listing, key=len, reverse=True)))
    tails = "|".join(ENUMERATED_TAIL + ANCHORED_TAIL)
    return re.compile(
        rf"(?:{verbs}){VERB_PARTICLE}(?P<list>{ENUMERATED_ITEM}(?:、{ENUMERATED_ITEM}){{1,5}})等"
        rf"[\u4e00-\u9fff]{{0,4}}?(?:工作)?(?:{tails})(?!文件|办法)"
    )


def enumerated(text: str, cues: MechanismCues) -> list[Candidate]:
    """Each part of a list a setup verb opens and 等 + 机制/制度 closes (建立联席会议、信息通报、线索移送等制度)."""
    if "等" not in text or "、" not in text:
        return []
    out = []
    for m in _enumerated_pattern(cues).finditer(text):
        if not starts_word(text, m.start()):
            continue  # 适用范围: the verb's characters inside a word
        at, parts = m.start("list"), m.group("list").split("、")
        anchored = not m.group().endswith(ANCHORED_TAIL) or bool(set(parts) & curated_labels())
        for part in parts if anchored else []:
            if enumerated_name(part, cues):
                out.append(Candidate(at, at + len(part), part, "mech.setup-verb+enumerated"))
            at += len(part) + 1
    return out


def enumerated_name(part: str, cues: MechanismCues) -> bool:
    """A part that names something; one holding a name the scheme knows is left to it (执行转破产审查)."""
    if set(part) & PART_BREAKS or not plausible(part) or generic_only(part, cues):
        return False
    return not any(label in part and label != part for label in curated_labels())


def named_forms(text: str, cues: MechanismCues, phrases: list[Candidate]) -> list[Candidate]:
    """The list and quoted-de forms; `phrases` are the unquoted names the phrase rules found."""
    spans = [(c.start, c.end) for c in phrases]
    return (
        _listed(text, cues)
        + enumerated(text, cues)
        + _quoted_de(text, cues, spans)
        + bare_names(text, cues)
        + bare_pairs(text, cues)
        + framed(text, cues)
        + campaigns(text, cues)
    )


# verbs that introduce a way of working by its bare name (推行诉前鉴定, 探索复绿管护)
BARE_VERBS = ("探索推行", "探索实行", "探索开展", "创新推行", "创新开展", "推行", "实行", "试行", "首创", "探索")
BARE_NAME = r"[\u4e00-\u9fff]{4,10}"
# pronouns, prepositions, conjunctions, particles, adverbs, locality words, numerals, measure words, times
BARE_STOP_FLAGS = ("r", "p", "c", "u", "d", "ad", "f", "m", "q", "t")


# a list whose next items are words of one or two characters: its parts qualify what ends it, quoted or not
# (推行知识产权刑事、民事、行政检察“三合一”履职, 推行知识产权刑事、民事、行政、公益诉讼检察职能集中统一履行:
# no 知识产权刑事; nor in 知识产权民事、行政和刑事案件“三合一”审判, whose last short item is joined by 和);
# a list of names a quote sums up keeps them (院领导包案、律师参与化解…“三项机制”); a list a 的 closes qualifies the
# noun after it (推行覆盖城乡、上下联动的…机制): its first part is no name either
SHORT_ITEMS_AFTER = re.compile(r"、(?:[一-鿿]{1,2}(?:、|和|与|及)|[^，。；！：“”]{1,20}?的)")


@lru_cache(maxsize=1)
def _bare_pattern() -> re.Pattern:
    verbs = "|".join(map(re.escape, BARE_VERBS))
    return re.compile(rf"(?:{verbs})(?P<name>{BARE_NAME})(?=[，。；、！])")


def _manner_only(words: tuple[tuple[str, str], ...], cues: MechanismCues) -> bool:
    """A noun of manner and a generic word: 动态管理, 列表管理 say how, they name nothing."""
    return len(words) == 2 and words[0][1] == "n" and words[1][0] in cues.generic


def _builds_a_body(name: str) -> bool:
    """推行税费争议调解中心建设: building a centre, station or office names a body or a place."""
    return name.endswith("建设") and name[:-2].endswith(tuple(institution_heads()))


def bare_names(text: str, cues: MechanismCues) -> list[Candidate]:
    """A founding verb and a bare name that ends the clause: 推行诉前鉴定，… (not 实行动态管理)."""
    out = []
    for m in _bare_pattern().finditer(text):
        name = m.group("name")
        words = jieba_pos(name)
        if any(flag in BARE_STOP_FLAGS or w in cues.stop or w in cues.setup for w, flag in words):
            continue
        if _builds_a_body(name) or SHORT_ITEMS_AFTER.match(text, m.end("name")):
            continue
        if generic_only(clean_name(name), cues):
            continue  # 探索执行工作新机制: what is left of it is a generic word
        if len(words) >= 2 and plausible(name) and not generic_only(name, cues) and not _manner_only(words, cues):
            end = _parallel_run(text, m.start("name"), m.end("name"))
            out.append(Candidate(m.start("name"), end, text[m.start("name") : end], "mech.setup-verb+bare"))
    return out


# verbs that bring two fields of work together by a bare name (推动人民调解与司法确认衔接)
PAIR_VERBS = (*BARE_VERBS, "推进", "推动", "健全", "完善", "建立", "深化")
PAIR_SIDE = r"[\u4e00-\u9fff]{2,8}?"


@lru_cache(maxsize=8)
def _joined_fields_pattern(tails: tuple[str, ...]) -> re.Pattern:
    verbs, joiners = "|".join(map(re.escape, PAIR_VERBS)), "".join(PAIR_JOINERS)
    return re.compile(
        rf"(?:{verbs})(?P<name>(?P<a>{PAIR_SIDE})[{joiners}](?P<b>{PAIR_SIDE})(?:{'|'.join(map(re.escape, tails))}))(?=[，。；、！])"
    )


def bare_pairs(text: str, cues: MechanismCues) -> list[Candidate]:
    """A founding verb and the bare name of two fields joined, ending the clause: 探索行政复议与行政诉讼衔接,
    推动人民调解与司法确认衔接 (as 行政执法与刑事司法衔接 is named). Each side is a field of work, not a body
    or a pronoun (加强与公安机关协作 names no pair; 推进法院与公安机关协作 is the bodies' cooperation)."""
    if not any(j in text for j in PAIR_JOINERS) or not _pair_tail_pattern(cues).search(text):
        return []
    out = []
    for m in _joined_fields_pattern(cues.pair_tails).finditer(text):
        if m.group("b").endswith(cues.goal_manners):
            continue  # 推动行政保护与司法保护有机衔接: a goal
        words = jieba_pos(m.group("a")) + jieba_pos(m.group("b"))
        if any(f in BARE_STOP_FLAGS or w in cues.stop or w in cues.setup or w in body_words() for w, f in words):
            continue
        if all(plausible(m.group(g)) and not generic_only(m.group(g), cues) for g in ("a", "b")):
            out.append(Candidate(m.start("name"), m.end("name"), m.group("name"), "mech.setup-verb+pair"))
    return out


def _parallel_run(text: str, start: int, end: int) -> int:
    """Where a run of parallel parts that starts with the name ends (实行集中排期、集中开庭、集中宣判:
    one way of working, as a list rule reads it); `end` when the name stands alone."""
    run = re.match(r"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){1,3}(?=[，。；！])", text[start:])
    if not run or not _parallel(run.group(0)) or not run.group(0).startswith(text[start:end] + "、"):
        return end
    # 推行网上立案、跨域立案: procedures the scheme knows stay apart
    return end if any(p in curated_labels() for p in run.group(0).split("、")) else start + run.end()


def framed(text: str, cues: MechanismCues) -> list[Candidate]:
    """以复绿管护为抓手, 以无讼村居创建为切入点: a measure named between 以 and 为抓手."""
    if "以" not in text:
        return []
    out = []
    for m in FRAME.finditer(text):
        name = clean_name(m.group("name"))
        words = jieba_pos(name)
        if any(flag in BARE_STOP_FLAGS or w in cues.stop or w in cues.setup for w, flag in words):
            continue
        if words[0][0] in cues.generic:
            continue  # 以服务…建设为着力点: a goal served, not a measure
        if plausible(name) and not generic_only(name, cues, kinds=True) and not _manner_only(words, cues):
            out.append(Candidate(m.start("name"), m.end("name"), name, "mech.frame"))
    return out


# a campaign launched under a name of its own, unquoted (开展护校安园行动); the word stays in its name
CAMPAIGN_VERBS = ("部署开展", "组织开展", "集中开展", "深入开展", "开展", "部署", "启动", "发起")
CAMPAIGN = re.compile(
    rf"(?:{'|'.join(CAMPAIGN_VERBS)})(?:了)?(?P<name>[\u4e00-\u9fff]{{3,10}}?)(?P<tail>百日行动|攻坚行动|行动|攻坚战|会战)"
)


# words any campaign may be called by: a name of these only names none (专项打击行动, 集中整治行动)
CAMPAIGN_WORDS = frozenset(
    {"专项", "集中", "联合", "整治", "打击", "专项整治", "集中整治", "攻坚", "百日", "严打", "清理", "统一"}
)


# a campaign's last word saying only what is done (整治, 打击): a field and an act, not a name
ACTION_WORDS = frozenset({"整治", "打击", "清理", "治理", "排查", "检查", "督查", "整顿"})


def campaigns(text: str, cues: MechanismCues) -> list[Candidate]:
    """开展护校安园行动: a named campaign (not 开展联合行动, 开展专项行动)."""
    if not any(t in text for t in ("行动", "攻坚战", "会战")):
        return []
    out = []
    for m in CAMPAIGN.finditer(text):
        name = m.group("name")
        words = jieba_pos(name)
        if any(flag in BARE_STOP_FLAGS or w in cues.stop or w in cues.setup for w, flag in words):
            continue
        if all(w in cues.generic or w in CAMPAIGN_WORDS for w, _ in words) or words[-1][0] in ACTION_WORDS:
            continue  # 环境卫生整治行动: what is acted on and how, no name
        if plausible(name) and not generic_only(name, cues) and words[0][0] not in cues.generic:
            out.append(Candidate(m.start("name"), m.end(), name + m.group("tail"), "mech.campaign"))
    return out
