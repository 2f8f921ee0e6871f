"""Outcome figures: a number (Arabic or Chinese, with 万/亿 and 余/多/近/超) and a unit.

Units and their SPEC unit are data (data/quantity_units.tsv), and so are the cue words that
tell a case from an item and a figure that is no outcome (data/quantity_cues.tsv). Dates,
ages, ordinals and document numbers are skipped. Each figure carries the id of its unit rule
(`qty.unit:件→case`, `qty.percent`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Unit, quantity_cues, quantity_units
from .numbers import ARABIC, ARABIC_NUMBER, QuantityMention, parse_number
from .quantity_words import day_limits, percent_in_words
from .roles import opening_collective
from .stories import has_cue as _has_cue
from .stories import story

# 二万三千: a whole number in words may hold 万 (the magnitude after a number is matched apart)
_CN = r"[零〇一二两三四五六七八九十百千]+(?:万[零〇一二两三四五六七八九十百千]+)?(?:点[零〇一二三四五六七八九]+)?"
# the words that may stand before a figure's number (近千件, 累计1200万元)
PRE = ("将近", "接近", "不超过", "不到", "超过", "近", "超", "逾", "约", "共", "累计")
# what a figure starts with: such a word, or its number (ARABIC, _CN or 半)
FIGURE_FIRST = "".join(sorted({w[0] for w in PRE})) + r"\d零〇一二两三四五六七八九十百千万亿半"
# every number holds one of these (ARABIC, _CN, 半, a bare 万 or 亿, and the rates, tenths and fractions in words)
NUMERAL = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿半]")
MAG = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, None: 1}
# one clause of the figure, for cue words
CLAUSE_STOPS = "，,；;。！？!?（("
CUE_WINDOW = 14
DAY_AFTER = set("，,上下晚凌早中")
# 某省人民检察院2日通报, 记者26日从…获悉, 于3日召开: a day of the month, right after the body,
# the reporter or 于; a duration has its own words (短短3日就…, 用时3日, 3日内)
DAY_OF_MONTH_AFTER = set("者院局厅部委会府署庭所处站队办心社台网报于")
AFTER_WINDOW = 8
DURATIONS = ("day", "hour", "other")
TONG_WORDS = set("报知过讯道行车告关")  # words 通 opens (通报, 通知, 通过 …)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    words = "|".join(sorted((re.escape(u) for u in quantity_units()), key=len, reverse=True))
    return re.compile(
        # the lookahead first: where no figure can start, one test fails instead of every branch (twice as fast)
        rf"(?=[{FIGURE_FIRST}])(?P<pre>{'|'.join(PRE)})?"
        rf"(?P<num>{ARABIC}|{_CN}|半|[万亿](?=[余多]|\s*(?:{words})))\s*(?P<mag>万|亿|千万|百万)?(?P<approx1>余|多)?\s*(?P<mag2>万|亿)?(?P<approx2>余|多)?\s*"
        rf"(?P<unit>{words})(?P<tail>之内|以内|内)?"
    )


# 海口村5组, 龙驹镇团结3组: a villagers' group named by its number after its village (the village's
# name may stand bare after the township), not a count of groups
VILLAGE_GROUP = re.compile(r"(?:村|社区|居委会|(?:镇|乡|街道)[\u4e00-\u9fff]{2})$")


def _is_date_or_ordinal(text: str, m: re.Match) -> bool:
    s, unit = m.start("num"), m.group("unit")
    before = text[max(0, s - 2) : s]
    if before.endswith("第") or before.endswith("前"):
        return True
    if unit == "日" and re.search(r"月\s*$", text[max(0, s - 3) : s]):
        return True
    if unit in ("日", "天") and text[m.end() : m.end() + 1] in ("讯", "电"):
        return True
    # 20日，最高检发布…; 5日上午: a day of the month
    if unit == "日" and not m.group("tail") and text[m.end() : m.end() + 1] in DAY_AFTER:
        return True
    if unit == "日" and not m.group("tail") and text[s - 1 : s] in DAY_OF_MONTH_AFTER and m.group("num").isdigit():
        return True
    if unit == "人" and text[m.end() : m.end() + 1] == "民":  # 人民法院
        return True
    if unit == "通" and text[m.end() : m.end() + 1] in TONG_WORDS:  # 3月2通报: 通 opens a word, no calls counted
        return True
    if unit == "组" and VILLAGE_GROUP.search(text[max(0, s - 6) : s]):
        return True
    if unit == "方" and text[m.end() : m.end() + 1] == "面":  # 6方面: aspects, not parties (七方联动)
        return True
    if unit == "家" and text[m.end() : m.end() + 2] in ("庭", "长"):
        return True
    if unit in ("次",) and text[m.end() : m.end() + 2] in ("全会", "会议"):
        return True
    if unit == "名" and text[m.end() : m.end() + 1] in ("单", "义", "称", "额"):
        return True
    return False


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The figure's clause before it (at most CUE_WINDOW characters) and the few characters after it."""
    i = start
    while i > 0 and start - i < CUE_WINDOW:
        if text[i - 1] in "）)" and (k := max(text.rfind("（", 0, i), text.rfind("(", 0, i))) > start - CUE_WINDOW:
            i = k  # a bracketed insert stays inside the clause (每个村（社区）至少5名)
            continue
        if text[i - 1] in CLAUSE_STOPS:
            break
        i -= 1
    j = end
    while j < len(text) and text[j] not in CLAUSE_STOPS and j - end < AFTER_WINDOW:
        j += 1
    return text[i:start], text[end:j]


# the rest of a quoted name after a figure that opens it (“15分钟解纷圈”; “5分钟到场” is a time limit)
QUOTED_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]*(?:圈|网|模式|体系|工程|品牌)[”’\"]")


def _list_start(text: str, start: int) -> int:
    """Where the list the figure at `start` stands in opens: after the last clause mark but 、."""
    return max(text.rfind(c, 0, start) for c in "，。；：,;:") + 1


# a round hundred or thousand alone is a figure after a word of approximation (逾千人, 近百件, 超千起);
# a round ten to ten thousand alone is one before 余/多 too (百余起, 十多名, 万余件), 万 and 亿 also after one
# (近万人, 近亿元)
ROUND_HUNDREDS = ("百", "千")
ROUND_ALONE = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}
APPROXIMATE = ("将近", "接近", "超过", "近", "超", "逾", "约")
# the nouns of cases a figure may count right after (有财产线索的案件2104件)
CASE_HEADS = ("案件", "案")
DISPUTE_HEADS = ("纠纷",)
YEARS_OF_TERM = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)年$")


# a word of `not_before` that is work all the same when its clause holds a cue of the role (quantity_cues.tsv):
# 巡逻累计行程1.2万公里 (a distance patrolled), 法官人均结案326件 (a court's cases per judge)
WORK_AFTER = {"行程": "distance_work", "人均": "average_work"}


def _not_before(m: re.Match, before: str, cues: dict) -> bool:
    """A word before the figure makes it a fact, not work (人口, 辖区面积 …); an area is work done where
    the clause says what was done on the land (督促修复红树林面积360亩, 复绿补植、管护面积4990亩)."""
    if not _has_cue(before, "not_before"):
        return False  # the common case, told by one scan
    hits = [w for w in cues.get("not_before", ()) if w in before.replace("车行程", "车 行程")]  # 巡回审判车 + 行程
    if hits == ["面积"] and m.group("unit") in cues.get("area", ()):
        return not any(w in before for w in cues.get("area_work", ()))
    if len(hits) == 1 and hits[0] in WORK_AFTER:
        return not _has_cue(before, WORK_AFTER[hits[0]])
    return bool(hits)


def _excluded(m: re.Match, before: str, after: str, unit: str) -> bool:
    """No outcome: population, area, jurisdiction, awards, one case's debt, one defendant's term,
    phone numbers (SPEC). `unit`: the figure's SPEC unit (its sentence is `m.string`)."""
    cues = quantity_cues()
    if m.group(0).replace(" ", "") in cues.get("set_phrase", ()):
        return True
    if _not_before(m, before, cues) or before.endswith(_nicknamed_group()):
        return True
    if unit == "item" and _has_cue(after, "ranked_after"):
        return True  # 在全区18个基层院考核中位列第1: those ranked, not work done
    if unit != "person" and _has_cue(before, "holds_before") and not _has_cue(after, "takes_part_after"):
        return True  # 全州共有18个边境检查站: what the area holds (全县共有345名网格员 are the people at work)
    if (before.rstrip().endswith(cues.get("right_before", ())) and _may_be_a_number(m)) or (
        unit == "CNY"
        and _debt(before, _clause_before(m.string, m.start()), cues)
        and opening_collective(m.string) is None
    ):
        # 借款10万元 is one case's debt; 全省法院…，判处赔偿金3.2亿元 the damages of all the courts' cases
        return True
    if unit in DURATIONS and YEARS_OF_TERM.sub("", before).endswith(cues.get("term_before", ())):
        return True  # 有期徒刑(一年)六个月: the months of a term in years and months
    if unit in DURATIONS and not m.group("num").isdigit() and after.startswith(cues.get("campaign_after", ())):
        return True  # 百日攻坚, 三年行动: a campaign's name (为期30天集中整治 is how long the work took)
    if unit in DURATIONS and after.startswith(cues.get("since_after", ())):
        return True  # 上线3个月来: the time since the platform began, not how long the work took
    share = unit == "percent" and after.startswith(cues.get("share_after", ()))
    # 追回5000元欠款: the debt the work recovered, as 追回欠款5000元 is (the debt alone is the story's)
    recovered = unit == "CNY" and after.startswith(cues.get("debt_after", ())) and _has_cue(before, "recovered")
    # a quoted name after the figure is another thing (11家单位建立“3+N”机制: its + makes no formula of the figure)
    unquoted = after.partition("“")[0]
    if _has_cue(unquoted, "not_after") and not _level_kept(before, after, cues) and not share and not recovered:
        return True
    if m.group("unit") == "元" and after.startswith(cues.get("money_of_one_case", ())):
        return True
    if after.startswith(cues.get("division_after", ())) and _rules_over(before, cues):
        return True
    if _divisions_summed(m.string[m.end() : m.end() + 16]):  # past a bracket (乡镇（街道）共…)
        return True
    if m.group("unit") not in cues.get("area", ()):
        return False
    return after.startswith("的") or any(w in before for w in cues.get("building", ()))


def _rules_over(before: str, cues: dict) -> bool:
    """A verb of jurisdiction in the clause before the figure (管辖古田等, 辖, 辖区涵盖): 辖区 alone is a noun."""
    bare = before.replace("辖区", "")
    return any(w in (before if "辖区" in w else bare) for w in cues.get("rules_over", ()))


# what sums the work of the divisions just counted (3个边境县共破获…)
SUMMED = ("共", "累计", "合计")
BRACKETED = re.compile(r"^[（(][^（()）]{0,8}[)）]")


@lru_cache(maxsize=1)
def _division_words() -> tuple[str, ...]:
    """The division words a count may stand before (data/quantity_cues.tsv, division_after), longest first."""
    return tuple(sorted(quantity_cues().get("division_after", ()), key=len, reverse=True))


def _divisions_summed(after: str) -> bool:
    """3个边境县共破获案件318起: the divisions counted are who did the work summed after them, not a figure."""
    for cut in range(3):  # a modifier of up to two characters before the division word (边境县)
        rest = after[cut:]
        words = _division_words()
        word = next((w for w in words if rest.startswith(w)), None) if rest.startswith(words) else None
        if word is not None:  # 乡镇（街道）: the kinds in brackets after it are of the same count
            return BRACKETED.sub("", rest[len(word) :], count=1).startswith(SUMMED)
        if cut < len(after) and not "\u4e00" <= after[cut] <= "\u9fff":
            return False
    return False


def _may_be_a_number(m: re.Match) -> bool:
    """热线12345: digits alone may be a phone number; 拦截诈骗电话28.4亿次 (a magnitude, a decimal,
    余 or 多) is a count."""
    return m.group("num").isdigit() and not (
        m.group("mag") or m.group("mag2") or m.group("approx1") or m.group("approx2")
    )


def _debt(before: str, clause: str, cues: dict) -> bool:
    """赔偿经济损失8万元: one case's debt or damages, unless the clause (`clause`, the whole of it before the
    figure: a long name of the sum may push the verb out of `before`) tallies or recovers such sums
    (涉及贷款金额52.3亿元, 追偿生态环境损害赔偿金及修复费用1.38亿元)."""
    if not _has_cue(before, "debt_before"):
        return False
    return not any(w in clause for w in cues.get("tally", ()) + cues.get("result", ()))


def _clause_before(text: str, start: int) -> str:
    return text[max(text.rfind(c, 0, start) for c in CLAUSE_STOPS) + 1 : start]


@lru_cache(maxsize=1)
def _nicknamed_group() -> tuple[str, ...]:
    """老李等, 小王等: a story's people named by nickname, then 等 and their number."""
    return tuple(f"{p}{s}等" for p in "老小" for s in quantity_cues().get("surname", ()))


def _level_kept(before: str, after: str, cues: dict) -> bool:
    """再犯罪率保持在0.2%以下: a level the work kept to or brought down to, not a threshold
    (标的金额10万元以下的案件)."""
    return after.startswith(cues.get("bound", ())) and before.endswith(cues.get("level_before", ()))


# the figures listed before this one (货物1260批次、286万件, 分别为415件和): the cue words stand before the list
LISTED_FIGURE = re.compile(r"[0-9.]+[万亿]?[^0-9、，,和及]{0,3}[、和及]")
# a verb that links the counted noun to its figure (找到财产线索的案件有47件 counts cases)
LINKING_VERB = re.compile(r"(?:共有|有|共计|共|达)$")


def _unit_of(unit: Unit, before: str, after: str, earlier: str = "") -> tuple[str, str]:
    """(SPEC unit, rule id): a 件/宗/个 figure is an item when its clause names leads, proposals,
    consultations or complaints (or, naming nothing counted, the clause before it does: `earlier`),
    a case when a case word follows it or ends right before it, else the unit's default."""
    if unit.unit == "percent":
        return "percent", "qty.percent"
    spec = unit.unit
    if unit.cued:
        noun = LINKING_VERB.sub("", LISTED_FIGURE.sub("", before))[-8:]
        if _has_cue(_counted_noun(noun) + after, "item"):
            spec = "item"
        elif earlier and _has_cue(earlier, "item") and not _has_cue(after, "case_after"):
            return "item", f"qty.unit-earlier:{unit.word}→item"
        elif _has_cue(after, "case_after") or _ends_with_case(noun):
            spec = "case"  # 3宗案件, 受理仲裁案件10872宗
    return spec, f"qty.unit:{unit.word}→{spec}"


def _earlier_clause(text: str, start: int, before: str) -> str:
    """受理群众诉求28.6万件，办结28.1万件; 诉求最多，分别为3.2万件: a clause that names nothing counted (only
    办结, 分别为 …: quantity_cues.tsv same_count) counts what the clause before it names; that clause, else ""."""
    if LISTED_FIGURE.sub("", before) not in quantity_cues().get("same_count", ()):
        return ""  # the figures listed before it in its clause (分别为3.2万件和) name nothing either
    end = start - len(before) - 1
    i = end
    while i > 0 and text[i - 1] not in CLAUSE_STOPS and end - i < CUE_WINDOW:
        i -= 1
    return text[i:end] if end > 0 else ""


def _counted_noun(tail: str) -> str:
    """What the figure counts: a case word right before it counts cases, whatever words before it say
    which (发现有财产线索的案件2104件, 违禁品运输案件12件 count cases, not leads or goods); so does a
    dispute word (审结涉食品纠纷120件 counts disputes, not food)."""
    return "" if _ends_with_case(tail) or tail.endswith(DISPUTE_HEADS) else tail


def _ends_with_case(noun: str) -> bool:
    """案件, 刑事案: a case word ends the noun; 提案, 议案, 方案 end in 案 and are no case (quantity_cues not_case)."""
    return noun.endswith(CASE_HEADS) and not noun.endswith(tuple(quantity_cues().get("not_case", ())))


def _per_capita(text: str, start: int) -> bool:
    """万人成讼率由118件降至104件, 每万人发案12件: a count per so many people, a rate written in 件;
    the whole clause before the figure tells (up to 30 characters)."""
    i = start
    while i > 0 and text[i - 1] not in CLAUSE_STOPS and start - i < 30:
        i -= 1
    before = text[i:start]
    return any(w in before for w in quantity_cues().get("per_capita", ())) and ("率" in before or "每" in before)


# 涉及金额120万至150万元, 3至5天, 1.5—2万元: a bare number and a range mark right before a figure are the
# range's lower end, in the figure's unit (a lower end with a unit of its own, 10%—15%, is a figure itself)
RANGE_MARK = r"\s*(?:至|到|~|～|—{1,2}|－|-)\s*$"
RANGE_LAST = set("至到~～—－- \t")
RANGE_LOW = {
    True: re.compile(rf"(?<![\d.,])(?P<low>{ARABIC})(?P<mag>万|亿)?{RANGE_MARK}"),
    False: re.compile(rf"(?<![零〇一二两三四五六七八九十百千])(?P<low>{_CN})(?P<mag>){RANGE_MARK}"),
}


def _range_low(text: str, start: int, m: re.Match, high: float) -> tuple[int, int, float] | None:
    """(start, end, value) of the lower end of the range the figure `m` (from `start`, its number `high`
    before its magnitude) closes, or None; a lower end without a magnitude takes the figure's where it is
    below the figure's number (1.5至2万元)."""
    if text[start - 1 : start] not in RANGE_LAST:
        return None  # the common case: no range mark right before the figure (the pattern ends with one)
    low = RANGE_LOW[ARABIC_NUMBER.fullmatch(m.group("num")) is not None].search(text, max(0, start - 24), start)
    value = parse_number(low.group("low")) if low is not None else None
    if low is None or value is None:
        return None
    if low.group("mag"):
        value *= MAG[low.group("mag")]
    elif value < high:
        value *= MAG[m.group("mag")] * MAG[m.group("mag2")]
    return low.start(), low.end("low") + len(low.group("mag") or ""), round(value, 6)


def find_quantities(text: str, in_case: bool = False) -> list[QuantityMention]:
    """The figures of a sentence; `in_case`: its paragraph opened telling one case's story (stories.opens_a_case)."""
    if NUMERAL.search(text) is None:
        return day_limits(text)  # no number (half the sentences): only a day written as a word (当日受理) is one
    out = []
    units = quantity_units()
    for m in _pattern().finditer(text):
        num, unit = m.group("num"), units[m.group("unit")]
        arabic = ARABIC_NUMBER.fullmatch(num) is not None
        # 三万件, 两千余件: a Chinese numeral with its magnitude is a figure even where a bare one
        # is a word (一件事, 两起)
        counted = any(c in "一二两三四五六七八九" for c in num) and (
            bool(m.group("mag")) or any(c in "百千点" for c in num) or ("十" in num and len(num) > 1)
        )  # …and 四十六人, 十一条, 十二点三亿元: a number of two figures or a fraction
        counted = counted or (num in ROUND_HUNDREDS and m.group("pre") in APPROXIMATE)  # 逾千人, 近百件
        if num in ROUND_ALONE:
            counted = counted or bool(m.group("approx1")) or (num != "十" and m.group("pre") in APPROXIMATE)
            start = m.start("pre") if m.group("pre") else m.start("num")
            if (num in "万亿" and not counted) or text[start - 1 : start] == "数":
                continue  # 万人成讼率, 数百余人: no figure (十天 is one: its unit takes Chinese numerals)
        if not arabic and not unit.chinese_numerals and not counted:
            continue
        if _is_date_or_ordinal(text, m):
            continue
        value = ROUND_ALONE.get(num) or parse_number(num)
        # 一家/两个部门 tell a story; a count of bodies in Chinese numerals is a figure from three on
        if value is None or (not arabic and unit.unit == "item" and value < 3):
            continue
        start = m.start("pre") if m.group("pre") else m.start("num")
        before, after = _clause_around(text, start, m.end())
        told = in_case and not m.group("tail")  # 两天内立案: a time limit of the work, not the story's
        if _excluded(m, before, after, unit.unit) or story(text, start, m.end(), before, unit.unit in DURATIONS, told):
            continue
        if _has_cue(text[:start], "plan_before"):
            continue  # 下一步…将再新增5个工作室, 2024年将力争…，破案率提升至45%: a target, no result yet
        listed = text[_list_start(text, start) : start]
        if _has_cue(listed, "list_before") and not _has_cue(listed, "average_work"):
            continue  # 人均拥有7.6个账户、持有5.7张银行卡 (but 人均结案326件 is the court's work)
        if QUOTED_NAME_AFTER.match(text, m.end()) and text.endswith(("“", "‘", '"'), 0, start):
            continue  # “15分钟解纷圈”: the figure opens a quoted name
        low = _range_low(text, start, m, value)
        if low is not None and text[low[0] - 1 : low[0]] == "第":
            continue  # 第3至5名: a range of ordinals
        value *= MAG[m.group("mag")] * MAG[m.group("mag2")]
        spec_unit, rule = _unit_of(unit, before, after, _earlier_clause(text, start, before) if unit.cued else "")
        if spec_unit in ("case", "item") and _per_capita(text, start):
            spec_unit, rule = "other", f"qty.per-capita:{unit.word}→other"  # SPEC: 件/万人 → other
        out.append(QuantityMention(start, m.end(), text[start : m.end()], round(value, 6), spec_unit, rule))
        if low is not None:
            out.append(QuantityMention(low[0], low[1], text[low[0] : low[1]], low[2], spec_unit, rule + "+range-low"))
    return sorted(out + percent_in_words(text) + day_limits(text), key=lambda q: q.start)
