"""Discovering mechanism names the curated scheme does not know.

Each rule proposes candidates with the id of the rule (kept on the evidence):
* `mech.quoted+tail`: a quoted name followed by a generic word, maybe after a short modifier:
  “六调联动”解纷机制, “两所一庭”联合调处工作机制, “荆楚雷霆”“终本清仓”等专项行动;
* `mech.quoted+list`: a quoted list that a count makes several mechanisms: “轮岗交流、双向选择”两项机制;
* `mech.numbered`: a quoted name that is itself numbered (一村一警, 三位一体, 五步调解法), an X+Y name
  (1+N+N, 检察+残联) or a system named by its rule (首办负责制, 港长制); unquoted before a generic word
  (一核三治工作法);
* `mech.setup-verb+quoted`: a bare quoted name that a setup verb carries out: 推行“按需点单”;
* `mech.setup-verb`: a setup verb, an unquoted noun phrase and a generic word: 建立双轨监管机制;
* `mech.phrase+tail`: an unquoted noun phrase before a strong generic word: 发挥行刑双向衔接机制作用;
* `mech.rule-name`: a system named by its rule, unquoted: 推行限时办结制, 河长制;
* `mech.periodic`, `mech.agent-pair`, `mech.setup-verb+list`, `mech.setup-verb+quoted-de`: see `mech_forms`.
The precision filter (data/mechanism_stoplist.tsv, the `generic` words of data/mechanism_cues.tsv)
keeps out principles, slogans, brands, platforms, facilities, awards and fragments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import triggers
from ..lexicon_mechanisms import MechanismCues, mechanism_cues, mechanism_stoplist
from ..segment import jieba_pos
from ..spans import find_each
from .mech_counted import counted_lists, spelled_method
from .mech_forms import agent_pairs, named_forms, periodic, spells_out_count, unquoted_numbered
from .mech_from_to import from_to
from .mech_modified import quote_with_phrase
from .mech_names import (
    CJK,
    NUM,
    OUT_VERBS,
    PAIR_JOINERS,
    QUOTE_CHARS,
    Candidate,
    any_of,
    clean_name,
    cue_patterns,
    framed_quote,
    generic_only,
    joined_body,
    past_bad_start,
    plausible,
    setup_before,
    setup_before_curated,
    setup_before_domain,
    setup_before_domains,
    stops_phrase,
    tail_at,
)

# a quoted name: no sentence punctuation inside (a comma makes it a slogan or a sentence)
QUOTED = re.compile(r"[“\"‘'「]([^“”\"‘’'「」，,。；;！？!?：:\n]{2,40})[”\"’'」]")
# numbered names: 一村一警, 两队一室, 三位一体, 五步调解法, 十个一
NUMBERED = re.compile(
    rf"^[{NUM}][\u4e00-\u9fff（）()]{{1,6}}[{NUM}][\u4e00-\u9fff（）()]{{0,4}}$"
    rf"|^[{NUM}][\u4e00-\u9fff]{{1,3}}[一合]体$"
    rf"|^[{NUM}][步字招][\u4e00-\u9fff]{{0,4}}[法诀]$"
    rf"|^[{NUM}][\u4e00-\u9fff]{{1,2}}$"
)
# 一X一Y names stand on their own (一村一警, 一法院一创新, 一乡镇（办）一派出所)
PAIRED = re.compile(r"^一[\u4e00-\u9fff（）()]{1,6}一[\u4e00-\u9fff]{1,4}$")
STEPS = re.compile(rf"^[{NUM}][步字招][\u4e00-\u9fff]{{0,4}}[法诀]$")  # a method named by its steps: 五步调解法, 三字诀
# after a rule suffix's 制 these make a verb (家长制发, 负责制定): no system is named
RULE_SUFFIX_BREAKS = ("度", "发", "定", "订", "作")
ORDINAL = re.compile(rf"^(?:第[{NUM}]+|[{NUM}]+号)")
CAMPAIGN_ENDS = ("行动", "工程", "计划")  # a quoted name ending like a campaign is one: “城市品质六大提升行动”
PLUS_NAME = re.compile(r"^[^+＋]{1,12}(?:[+＋][^+＋]{1,16})+$")
# a quoted character or two inside a word: 五“度”融合
# (the look-behind after the quote, so that the pattern opens with a class `re` scans for fast)
INNER_QUOTE = re.compile(r"([“‘](?<=[\u4e00-\u9fff].)[\u4e00-\u9fff]{1,2}[”’])(?=[\u4e00-\u9fff])")
QUOTE_JOINERS = ("", "、", "和", "及", "与")  # between quotes in a row that share the generic word after the last one
PHRASE_MAX = 16  # characters of an unquoted name
# a campaign's two-part name written with a space (“清渠洁岸 清洁家园”工作): a name, not a slogan;
# before 活动 it is an event's theme (“巾帼心向党 书香绽芳华”等文体活动)
SPACED_TAILS = ("专项行动", "行动", "工作", "工程")
SPACED = re.compile(r"[\u4e00-\u9fff]{2,8}[ \u3000][\u4e00-\u9fff]{2,8}")
WORDS_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,10}")  # the words right after a quote


def _not_mechanism_after(text: str, pos: int) -> bool:
    """What follows a quote says it names a platform, brand, principle, facility or award."""
    window = WORDS_AFTER.match(text, pos)
    after = window.group(0) if window else ""
    hit = _follows_pattern().search(after)
    # …审判团队模式: a way of working named after the team, not the team
    return hit is not None and not after.startswith(mechanism_cues().strong_tails, hit.end())


def named_otherwise(text: str) -> set[str]:
    """Quoted names the text calls a platform or a brand right after the quote (“椰城市民云”平台):
    in the whole document they name no mechanism, not even where they stand alone (a headline's
    quote). A facility may be named after a mechanism (“一庭两所”联调工作室): that is no such sign."""
    words = _platform_words()
    return {m.group(1).strip() for m in QUOTED.finditer(text) if text.startswith(words, m.end())}


@lru_cache(maxsize=1)
def _platform_words() -> tuple[str, ...]:
    return tuple(w for w, kind in mechanism_stoplist().follows.items() if kind in ("platform", "brand"))


@lru_cache(maxsize=1)
def _follows_pattern() -> re.Pattern:
    return any_of(mechanism_stoplist().follows)


def _carried_out(text: str, start: int, end: int, cues: MechanismCues) -> bool:
    """A bare quoted name that a setup verb carries out (推行“按日督办”, 以“一案一码”为抓手), as
    a whole: a noun after the quote makes it a modifier (打造“民转刑”案件的…)."""
    if end < len(text) and CJK.match(text[end]) and text[end] not in "等和与及为":
        return False
    frame = framed_quote(text, start, end)
    return (
        bool(frame)
        or setup_before(text, start, cues)
        or setup_before_domain(text, start, cues)
        or setup_before_domains(text, start, cues)
        or setup_before_curated(text, start, cues)
    )


def _quoted(text: str, cues: MechanismCues) -> list[Candidate]:
    out: list[Candidate] = []
    quotes = list(QUOTED.finditer(text))
    row = 0  # where the row of quotes this one stands in opens: 开展“凌晨执行”“假日执行”
    for k, m in enumerate(quotes):
        row = m.start() if k == 0 or text[quotes[k - 1].end() : m.start()] not in QUOTE_JOINERS else row
        inner = m.group(1).strip()
        j = k  # quotes in a row share the generic word after the last
        while j + 1 < len(quotes) and text[quotes[j].end() : quotes[j + 1].start()] in QUOTE_JOINERS:
            j += 1
        tail_from = quotes[j].end() + (1 if text.startswith("等", quotes[j].end()) else 0)
        if _not_mechanism_after(text, tail_from):
            continue
        tail = tail_at(text, tail_from, cues)
        counted = _counted_start(cues.counted).match(text, m.end())
        if "、" in inner and counted and j == k:
            for part in inner.split("、"):
                if plausible(part):
                    end = tail[1] if tail else counted.end()
                    out.append(Candidate(m.start(), end, part, "mech.quoted+list", part))
            continue
        if spells_out_count(inner, text, m.end()):
            out += spelled_method(text, m) or _counted_after(text, m.end(), cues)  # (“…”四步法; “…”三治融合)
            continue
        if text.startswith(("的“", "的‘"), quotes[j].end()):
            continue  # it describes the quoted name that follows: “法庭+司法+…”的“六调联动”
        numbered = bool(NUMBERED.match(inner))
        named = bool(
            PAIRED.match(inner) or STEPS.match(inner) or PLUS_NAME.match(inner) or inner.endswith(cues.rule_suffixes)
        )
        # “一线工作法”: the quote holds its generic word (kept when what is before it is too short a name;
        # an ordinal before it makes a designation: “一号工程”)
        ends = cues.strong_tails + CAMPAIGN_ENDS
        ends_generic = inner.endswith(ends) and any(
            inner.endswith(t)
            and len(inner) > len(t)
            and (plausible(inner[: -len(t)]) or (plausible(clean_name(inner)) and not ORDINAL.match(inner)))
            for t in ends
        )
        if tail is not None and j == k:
            # the quoted name is the name; a word alone (“一站式”) takes its modifier along
            modifier, end, word = tail
            # “一站式”诉源治理机制, “双百”涉民生案件暖冬行动; not “一站式”法律服务
            alone = len(inner) <= 3 and not plausible(inner) and (word in cues.strong_tails or len(modifier) >= 3)
            # a word of two characters that a long phrase goes on from names what the phrase is about: “挂案”清理双向通报机制
            alone = alone or (len(inner) <= 2 and len(modifier) >= 4 and word in cues.strong_tails)
            name, rule = (inner + modifier if alone else inner), "mech.quoted+tail"
        elif tail is not None or named or ends_generic:
            name, end = inner, m.end()
            rule = "mech.numbered" if named else "mech.quoted+tail"
        elif _carried_out(text, row, quotes[j].end(), cues) and (
            "、" not in inner
            or (
                _short_list(inner)
                and (setup_before(text, m.start(), cues) or setup_before_domain(text, m.start(), cues))
            )
        ):
            name, end, rule = inner, m.end(), "mech.numbered" if numbered else "mech.setup-verb+quoted"
        else:
            continue
        # “六化”工作法: a numbered name right before a strong generic word, though short
        counted_name = numbered and tail is not None and not tail[0] and tail[2] in cues.strong_tails
        spaced = (
            tail is not None
            and tail[2] in cues.strong_tails + SPACED_TAILS
            and SPACED.fullmatch(name) is not None
            and plausible(name.replace(" ", ""))
        )
        # “护边员+警务室”联防模式 (a longer phrase after the quote is the name: “…+…工作室”府院联动实质解纷机制)
        combined = tail is not None and len(tail[0]) <= 2 and PLUS_NAME.match(name) is not None
        if (
            (plausible(name, combined) and (name != inner or plausible(inner, combined)))
            or (counted_name and name == inner)
            or spaced
        ):
            out.append(Candidate(m.start(), end, name, rule, inner))
    return out


def _counted_after(text: str, pos: int, cues: MechanismCues) -> list[Candidate]:
    """The four-character numbered name at `pos` (三治融合, 三位一体), its evidence running on to a
    generic word after it (三治融合基层治理模式), so the phrase rules do not cut into it."""
    name = text[pos : pos + 4]
    if not CJK_RUN.fullmatch(name) or len(name) < 4 or not plausible(name):
        return []
    tail = tail_at(text, pos + 4, cues, weak=False)
    return [Candidate(pos, tail[1] if tail else pos + 4, name, "mech.numbered")]


def _short_list(inner: str) -> bool:
    """推行“力量下沉、服务下倾”: a few short parts that a setup verb carries out as one measure."""
    parts = inner.split("、")
    return 2 <= len(parts) <= 4 and all(2 <= len(p) <= 6 for p in parts)


# the word that closes a list (A、B等…机制), and the words it begins
LIST_END = "等"
LIST_END_WORDS = frozenset({"等", "等级", "等同", "等待", "等于", "等候", "等额", "等次"})


def _phrase_start(text: str, end: int, cues: MechanismCues) -> int:
    """Where the unquoted noun phrase that ends at `end` starts (`end` when there is none).
    jieba reads a wider window than a name can be, so the first word is not cut in two."""
    lo = max(0, end - PHRASE_MAX - 6)
    window = text[lo:end]
    cut = len(window)  # after the last character that is no Chinese one
    while cut and "\u4e00" <= window[cut - 1] <= "\u9fff":
        cut -= 1
    start = joint = end
    words = jieba_pos(window[cut:])
    for i in range(len(words) - 1, -1, -1):
        word, flag = words[i]
        if word[:1] == LIST_END and word not in LIST_END_WORDS and end - (start - len(word) + 1) <= PHRASE_MAX:
            return start - len(word) + 1  # “法院+商会”等诉调对接机制: jieba glues the list's 等 to the name (等诉|调)
        if word in PAIR_JOINERS and joint == end and start < end and text.endswith(cues.pair_tails, 0, end):
            joint = start  # 行政复议与行政诉讼衔接: what is joined on both sides of 与 (jieba tags it p or c)
            start -= len(word)
            continue
        if start == joint - 1 < end - 1 and joined_body(words, i, cues):
            return start - len(word)  # 人民法院与基层组织对接: the generic body is one side of the pair
        if stops_phrase(word, flag, cues) or end - (start - len(word)) > PHRASE_MAX:
            if joint < end and flag.startswith("f"):  # 庭外|重组与…: a locality word cut the part before the joiner
                start = joint - 1
            break
        start -= len(word)
    return joint if start == joint - 1 else start  # nothing before the joiner: the phrase starts after it


# what may end a setup verb, never starting the name after it (总结出, 构建了, 建立起)
VERB_ENDINGS = ("出", "了", "起")


def _perfective(text: str, at: int) -> bool:
    """了 after any verb (形成了诉调对接机制: jieba reads 了诉) starts no name; 了解 is a word of its own."""
    return text.startswith("了", at) and not text.startswith("了解", at)


def _phrases(text: str, cues: MechanismCues) -> list[Candidate]:
    """Unquoted noun phrases before a strong generic word."""
    out: list[Candidate] = []
    if not cue_patterns(cues).strong_tails.search(text):
        return out  # the common case: no cue word (one scan, not a look for each)
    for tail in cues.strong_tails:
        if tail not in text:
            continue
        for tail_start in find_each(text, tail):
            end, tail_end = tail_start, tail_start + len(tail)
            if end and text[end - 1] in QUOTE_CHARS or text.startswith(cues.not_after_tail, tail_end):
                continue  # the quoted rules read it; 制度保障 is no name's tail
            if _counted_end(cues.counted).search(text, max(0, end - 3), end):
                continue  # 调查、调解、心理疏导三项机制: a counted list of functions
            start = _phrase_start(text, end, cues)
            ending = text[start : start + 1]
            if ending in VERB_ENDINGS and (setup_before(text, start + 1, cues) or _perfective(text, start)):
                start += 1  # 总结出老娘舅调解工作法, 构建了诉源治理模式 (jieba: 了诉): the particle ends the verb
            start = past_bad_start(text, start, end, cues)
            while end - start > 4 and text[end - 1] in "新":  # 协作新机制
                end -= 1
            name = clean_name(text[start:end])
            rule = "mech.setup-verb" if setup_before(text, start, cues) else "mech.phrase+tail"
            spans_from = _after_setup(text, end, cues) if rule == "mech.phrase+tail" else end
            if spans_from < start and plausible(clean_name(text[spans_from:end])):
                # 建立社区矫正对象信息共享机制: a word jieba misreads (矫正 as a name) cut the phrase short
                name, rule = "", ""
            if len(name) < 4 or not plausible(name) or generic_only(name, cues):
                # 建立查人找物协作机制: jieba cut the name short (常态化府院联动机制: 常态|化府院)
                start = past_bad_start(text, _after_setup(text, end, cues), end, cues)
                name = clean_name(text[start:end])
                if start == end or not plausible(name) or generic_only(name, cues):
                    continue
                rule = "mech.setup-verb.span"
            if tail in cues.founded_tails and not rule.startswith("mech.setup-verb"):
                continue  # 社会治理共同体 is a goal; 构建未成年人保护共同体 founds one
            if tail in cues.campaign_tails and name.endswith(tuple(triggers()["contribute"])):
                continue  # 8个部门参与专项行动: who takes part in a campaign, not its name
            if (
                tail in cues.campaign_tails + cues.founded_tails or name.endswith(cues.keep_tail_after)
            ) and end == tail_start:
                name += tail  # a campaign's name ends so: 无障碍环境建设专项行动; so does 戒毒工作基本模式
            if name in mechanism_stoplist().names:
                continue  # 人类命运共同体: a goal, now that the kept word makes it whole
            out.append(Candidate(start, tail_end, name, rule))
    return out


# a name that runs from its setup verb holds none of these (建立了覆盖全市的调解机制 names none)
SPAN_BREAKS = set("的了着是在把将被等及或这该此其")
SPAN_OPENERS = ("与", "和", "同", "跟", "对", "为", "以", "向", "健全", "完善", "全面", "相关", "有关")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _after_setup(text: str, end: int, cues: MechanismCues) -> int:
    """Where a name starts that runs whole from a setup verb to `end` (建立|劳动人事争议仲裁与诉讼衔接|机制),
    when jieba's words cut it short (a verb or 与 inside it); `end` when there is none."""
    lo = max(0, end - PHRASE_MAX - 6)
    if not cue_patterns(cues).founding.search(text, lo, end):
        return end  # the common case: no founding verb before the name (one scan, not one for each verb)
    starts = [i + len(w) for w in cues.founding for i in find_each(text[lo:end], w)]
    for j in sorted(starts, reverse=True):
        j += lo
        if text.startswith(("了", "起"), j) or (text.startswith("出", j) and text.endswith(OUT_VERBS, 0, j)):
            j += 1
        span = text[j:end]
        if 4 <= len(span) <= PHRASE_MAX and CJK_RUN.fullmatch(span) and not set(span) & SPAN_BREAKS:
            return j if not span.startswith(SPAN_OPENERS) else end
        if len(span) > PHRASE_MAX:
            break
    return end


@lru_cache(maxsize=4)
def _counted_start(counted: str) -> re.Pattern:
    """A count word (两项): the quote before it lists that many names."""
    return re.compile(rf"[{NUM}]+[{counted}]")


@lru_cache(maxsize=4)
def _counted_end(counted: str) -> re.Pattern:
    """A count word ending the text (三项): a counted list of functions, not a name."""
    return re.compile(rf"[{NUM}][{counted}]$")


def _inner_quotes_dropped(text: str) -> tuple[str, Sequence[int]]:
    """The text without quotes around one or two characters inside a word (五“度”融合), and
    for each character left its offset in `text`, then the length of `text`."""
    if "“" not in text and "‘" not in text:  # the common case: no quote opens
        return text, range(len(text) + 1)
    drop = {i for m in INNER_QUOTE.finditer(text) for i in (m.start(1), m.end(1) - 1)}
    if not drop:
        return text, range(len(text) + 1)
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), [*kept, len(text)]


def _rule_names(text: str, cues: MechanismCues) -> list[Candidate]:
    """A system named by its rule, unquoted: 首问负责制, 限时办结制, 河长制 (the name keeps 制)."""
    if not cue_patterns(cues).rule_suffixes.search(text):
        return []  # the common case: one scan instead of a look for each suffix
    out = []
    for suffix in cues.rule_suffixes:
        if suffix not in text:
            continue
        for at in find_each(text, suffix):
            if suffix == "长制":  # one character names what the chief is for: 河长制, 湾长制
                start = at - 1 if at and CJK.match(text[at - 1]) else at
            else:
                start = _phrase_start(text, at, cues)
            prefix = text[start:at]
            if not prefix or (suffix != "长制" and (len(prefix) < 2 or generic_only(prefix, cues))):
                continue
            end = at + len(suffix)
            if text[end : end + 1] in RULE_SUFFIX_BREAKS or not plausible(prefix + suffix):
                continue  # 责任制度: the phrase rule reads it; 家长制发: 制发 is a verb
            out.append(Candidate(start, end, prefix + suffix, "mech.rule-name"))
    return out


def discover(text: str) -> list[Candidate]:
    cues = mechanism_cues()
    bare, at = _inner_quotes_dropped(text)  # (at[i]: where character i of `bare` stands in the text)
    ps = _phrases(bare, cues)  # (offsets in `bare`: the text's own unless inner quotes were dropped)
    phrases = ps if bare is text else [Candidate(at[c.start], at[c.end - 1] + 1, c.name, c.rule, c.core) for c in ps]
    return (
        _quoted(text, cues)
        + phrases
        + unquoted_numbered(text, cues)
        + _rule_names(text, cues)
        + agent_pairs(text, cues)
        + periodic(text, cues)
        + named_forms(text, cues, phrases)
        + counted_lists(text, cues)
        + quote_with_phrase(text, cues)
        + from_to(text)
    )
