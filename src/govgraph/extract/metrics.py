"""Metric labels of outcome figures: a short noun phrase saying what the figure counts.

The label is built from the figure's clause: the words before it, cut after the acting body
and any earlier figure (受理劳动争议案件31起 → 受理劳动争议案件数), stripped of time phrases,
adverbs and copulas (为, 达, 共计 …). When the clause only says how something changed (同比上升10%),
the change is labelled as a change of the figure before it (网络司法拍卖成交量同比上升), never as
that figure itself; changes listed after 分别 (执行完毕率为44.32%、执行到位率为56.74%，较去年全年分别
增长4.19%和2.45%) each go to the figure in the same place before them (`respective_labels`).
When the counted noun follows the figure (聘请33名专家学者), it is taken from there. The label
ends in a measure word (数, 金额, 用时, 人次) unless it names one already (执行到位率, 涉案金额).
"""

from __future__ import annotations

import re

from ..segment import jieba_pos
from .metric_repair import CHANGED, COMPARED, fragment_reason, repair, whole_nouns, words_of
from .quantities import find_quantities

STOPS = '，,；;：:、（(“”"。！？!?）)'
MAX_LABEL = 16
CONNECTIVES = ("和", "及", "以及", "与", "或", "、")
ORDINAL = re.compile(r"第[\d一二三四五六七八九十百]+[批期次届轮]")
PERIOD_LEAD = re.compile(
    r"^(?:(?:自|从|到|截至|截止)?(?:\d{4}年(?:底|末|初)?)?(?:\d{1,2}月(?:份|底|末|初)?)?(?:\d{1,2}日)?(?:以来|至今|(?<=[年月日份底末初])[起后])?|"
    r"(?:今年|去年|上半年|下半年|全年|第[一二三四]季度|前三季度|近\S{1,3}年来?|近年来|多年来|至今|以来))+"
)
LEAD_WORDS = re.compile(
    r"^(?:其中|并且|并|共计|共有|共|累计|已经|已|均|分别|同时|此外|另外|如今|目前|截至目前|据统计|数据显示|"
    r"合计|一共|先后|还|又|仅|有|为|达|达到|成功|全部|，|,|\s)+"
)
# the whole of a division opening a label says whose the figure is, which its subject tells (全县信访总量);
# 全国 stays: a national figure has no subject to tell it
SCOPE_WORD = r"全(?:省|市|县|区|州|盟|旗)"
SCOPE_LEAD = re.compile(rf"^{SCOPE_WORD}(?=[\u4e00-\u9fff]{{2}})")
SCOPE_ONLY = re.compile(rf"^{SCOPE_WORD}$")
# 全市法院简易程序适用率: the region's system after its scope says whose, as the scope does
SCOPE_SYSTEM = re.compile(
    rf"^(?:{SCOPE_WORD})(?:两级|三级)?(?:法院|检察机关|检察院|公安机关|司法行政机关)(?=[\u4e00-\u9fff]{{2}})"
)  # 全区14个司法所: what is counted follows, whose the subject tells
# a word of one character opening a label is dropped only when jieba reads it as a word of its own (在岗 stays)
LEAD_CHARS = set("的等和及在对以而就将把不向经")
NEGATED_RATE = re.compile(r"不[\u4e00-\u9fff]{1,3}率")  # 不起诉率, 不批捕率: the rate of a decision not to act
# a label ending in these names what is counted after the figure (科大讯飞等20多家研发单位, 对1.6万件案件)
BEFORE_NOUN = ("等", "对", "把", "将", "向")
# what an `other` figure measures, by its unit word
OTHER_MEASURE = [(("亩", "平方米", "公顷"), "面积"), (("公里", "米"), "长度"), (("吨", "克", "公斤"), "重量")]
OTHER_MEASURE += [(("个月", "个多月", "年内", "分钟"), "用时")]
TRAIL_WORDS = re.compile(
    r"(?:分别为|分别|(?<!行)为|达到|长达|达|共计|共有|共|约|超过|将近|接近|近|超|逾|累计|有|是|高达|多达|仅为|仅用|仅|"
    r"用了|用|了|的|在|计|合计|至|到|由原来的|由原来|原来|由平均|由|从|已|长达|\s)+$"
)
TRAIL_SCOPE = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){SCOPE_WORD}$")  # 整合全区12个部门: the noun after names it
CHANGE = re.compile("^" + COMPARED + "?(?:分别)?" + CHANGED + "$")
# a label ending in one of these already says what is measured
MEASURED = re.compile(
    r"(?:率|(?<![员名])额|数|量|时间|时长|周期|期限|时限|用时|比例|比重|占比|收案比|人次|次数|幅度|增长|上升|下降|减少|提升|提高|缩短|降低|增加)$"
)
# 缩短至42天, 提升至98.9%, 保持在0.2%以下: the figure is the level reached or kept, labelled by
# what reached it, not by the change
LEVEL_REACHED = re.compile(
    r"(?:(?:提升|提高|上升|下降|缩短|降低|减少|增加|增长|压缩|升|降)(?:至|到)|(?:保持|控制|稳定|维持)在)\s*$"
)
RANGE_BETWEEN = re.compile(r"\s*(?:至|到|~|～|—{1,2}|－|-)\s*")
SUFFIX = {"CNY": "金额", "person_time": "人次", "day": "用时", "hour": "用时", "percent": ""}
GENERIC = {"CNY": "金额", "percent": "比率", "day": "用时", "hour": "用时", "person_time": "人次"}
COUNTED_NOUNS = ("部门", "单位", "方")
CAUSATIVES = "让使令"
NOUN_TAGS = ("n", "vn", "j", "nz", "nt", "ns", "an", "l")


def metric_label(text: str, start: int, end: int, unit: str, floor: int, previous: str | None) -> str:
    """The label of the figure text[start:end]. `floor`: where the clause may start at the
    earliest (after the acting body or an earlier figure); `previous`: the label of the figure
    before it in the sentence. A sentence fragment is repaired (extract/metric_repair.py), else
    the figure gets the generic label of its unit."""
    if previous is not None and RANGE_BETWEEN.fullmatch(text, floor, start):
        return previous  # 10%—15%, 120万至150万元: the upper end of a range, labelled as its lower end
    end = _range_end(text, end)
    text, start, end, floor = _unquote_before(text, start, end, floor)
    label = _label(text, start, end, unit, floor, previous)
    if label in GENERIC_LABELS or fragment_reason(label) is None:
        return label
    return repair(label, _noun_after(text, end)) or _generic(text[start:end], unit)


def _range_end(text: str, end: int) -> int:
    """60至80名农民工: the lower end of a range is labelled as the whole range (the noun after its upper end)."""
    mark = RANGE_BETWEEN.match(text, end)
    if mark is None:
        return end
    upper = find_quantities(text[mark.end() : mark.end() + 24])
    return mark.end() + upper[0].end if upper and upper[0].start == 0 else end


QUOTE_PAIRS = {"”": "“", "’": "‘", '"': '"', "」": "「"}
QUOTED_NOUN = 12  # the longest quoted name read as what a figure right after it counts


def _unquote_before(text: str, start: int, end: int, floor: int) -> tuple[str, int, int, int]:
    """累计培养“法律明白人”8.6万名, 组建“红色调解队”126支: a quoted name right before the figure is what
    it counts; the text is read without those quotes (offsets shifted to match)."""
    if start == 0 or text[start - 1] not in QUOTE_PAIRS:
        return text, start, end, floor
    close = start - 1
    opening = text.rfind(QUOTE_PAIRS[text[close]], max(0, close - QUOTED_NOUN - 1), close)
    if opening < 0 or opening < floor or not CJK_RUN.fullmatch(text[opening + 1 : close]):
        return text, start, end, floor
    return text[:opening] + text[opening + 1 : close] + text[start:], start - 2, end - 2, floor


CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


# the labels a figure gets from its unit alone (made once, not for each figure)
GENERIC_LABELS = frozenset(
    {*GENERIC.values(), "数量", *(w + "数" for w in COUNTED_NOUNS), *(m for _, m in OTHER_MEASURE)}
)


def _generic(figure: str, unit: str) -> str:
    if unit == "other":
        words = figure.rstrip("内之以 ")
        return next((m for ends, m in OTHER_MEASURE if words.endswith(ends)), "数量")
    return _counted(figure, unit)


# 缩短3至5个工作日: the low end of a range before the figure is no word of its label
RANGE_START = re.compile(r"[\d.]+\s*(?:至|到|~|～|-|—)$")


def _label(text: str, start: int, end: int, unit: str, floor: int, previous: str | None) -> str:
    i = start
    while i > floor and text[i - 1] not in STOPS and start - i < 40:
        i -= 1
    raw = ORDINAL.sub("", text[i:start])
    earlier = find_quantities(raw)
    if earlier:
        raw = raw[earlier[-1].end :]  # 案件1216件，涉及3180人: after the figure before it
    raw = LEVEL_REACHED.sub("", RANGE_START.sub("", raw))
    label = _clean(raw).replace("分别", "")
    if label.endswith(tuple(CONNECTIVES)) and previous:
        label = ""  # 下发10个先进典型案例和10个追责案例: the noun of this figure follows it
    elif label.endswith(BEFORE_NOUN):
        noun = _noun_after(text, end)
        if noun:
            return _measured(noun, unit, text[start:end])
        label = label[:-1]
    if len(label) > MAX_LABEL:
        label = repair(label, "") or _last_words(label)
    if not label:
        # what the figure counts follows it (两天内立案, 541名优秀民警); else a list goes on (下降3.54%、8.5%)
        after = _noun_after(text, end, keep_verbs=unit in ("day", "hour", "other"))
        if after:
            return _of_what_follows(after, unit, text[start:end])
        if previous:
            return previous
        return _measured("", unit, text[start:end]) if unit == "other" else _counted(text[start:end], unit)
    if previous and CHANGE.fullmatch(label):
        # a change of the figure before it (成交量9.82万件，同比上升10%): not that figure itself
        return CHANGE.sub("", previous) + label.replace("分别", "")
    if len(label) <= 2 and not MEASURED.search(label):
        return _of_what_follows(SCOPE_ONLY.sub("", label) + _noun_after(text, end), unit, text[start:end])
    return _measured(_with_what_follows(label, text, end, unit), unit, text[start:end])


def _with_what_follows(label: str, text: str, end: int, unit: str) -> str:
    """A label ending in its verb takes the noun after the figure (直接调集1000余名警力 → 调集警力); a
    duration the verb after it (没想到半天就解决了 → 解决)."""
    if MEASURED.search(label):
        return label
    if unit in ("day", "hour") or (unit == "other" and _duration(text[:end])):
        after = _noun_after(text, end, keep_verbs=True)
        words = jieba_pos(after) if after else ()
        if len(after) > 1 and words[0][1].startswith("v") and after[0] not in CAUSATIVES:
            return after
        return label
    last, flag = jieba_pos(label)[-1]
    if flag in ("v", "vn"):
        noun = _noun_after(text, end)
        if noun and not MEASURED.search(noun):
            return last + noun
    return label


def _duration(text: str) -> bool:
    words = text.rstrip("内之以 ")
    return any(words.endswith(ends) for ends, m in OTHER_MEASURE if m == "用时")


def _of_what_follows(label: str, unit: str, figure: str) -> str:
    """98.8%的纠纷在综治中心终结: a rate before its noun is a share of it (纠纷比例)."""
    if unit == "percent" and label and not MEASURED.search(label):
        return label + "比例"
    return _measured(label, unit, figure)


def _counted(figure: str, unit: str) -> str:
    """A figure alone says what it counts when its unit word is a noun (九部门 → 部门数)."""
    word = next((w for w in COUNTED_NOUNS if figure.endswith(w)), None)
    return word + "数" if word else GENERIC.get(unit, "数量")


def _measured(label: str, unit: str, figure: str) -> str:
    """The label ending in what is measured: 受理劳动争议案件 → 受理劳动争议案件数, 清理道路灰带 → 清理道路灰带长度."""
    if MEASURED.search(label):
        return label
    if unit == "other":
        words = figure.rstrip("内之以 ")
        measure = next((m for ends, m in OTHER_MEASURE if words.endswith(ends)), "数")
        return label if label.endswith(measure) else label + measure  # 修复红树林面积 + 360亩: no 面积面积
    return label + SUFFIX.get(unit, "数")


# a change against the same period, or the year before, is 同比 (较上年提升, 比去年同期下降; not 较去年全年,
# part of this year against all of last); a change against a year written out drops the year (比2003年减少)
SAME_PERIOD = re.compile(r"(?:较|比)(?:去年|上一?年度?)(?:同期)?(?!全年)|同比上一?年度?")
DATED_BASE = re.compile(r"(?:较|比)\d{4}年(?=[^，,]{0,4}?(?:增长|上升|下降|减少|提升|提高|缩短|降低|增加|压缩))")


def _clean(label: str) -> str:
    label = DATED_BASE.sub("", SAME_PERIOD.sub("同比", label.strip()))
    for _ in range(3):
        before = label
        label = PERIOD_LEAD.sub("", label)
        label = _drop_lead_words(SCOPE_LEAD.sub("", SCOPE_SYSTEM.sub("", label)))
        label = TRAIL_SCOPE.sub("", TRAIL_WORDS.sub("", label))
        if label[:1] in LEAD_CHARS and words_of(label)[0][0] == label[0] and not NEGATED_RATE.match(label):
            label = label[1:]
        if label == before:
            break
    return label


def _drop_lead_words(label: str) -> str:
    """The label without its leading adverbs and copulas (共, 累计, 已 …), as far as they end
    a word of jieba's: a lead word that starts a longer word stays (共享法庭, 已决犯, 成功率)."""
    m = LEAD_WORDS.match(label)
    if m is None:
        return label
    if m.end() == len(label):
        return ""
    cut = end = 0
    for word, _ in jieba_pos(label):
        end += len(word)
        if end > m.end():
            break
        cut = end
    return label[cut:]


def _last_words(label: str) -> str:
    """The last words of a long label, up to MAX_LABEL characters, never cutting a word."""
    out = ""
    for word, _ in reversed(jieba_pos(label)):
        if len(out) + len(word) > MAX_LABEL:
            break
        out = word + out
    return out


NOUN_AFTER = 12  # the words after a figure that may name what it counts start within this many characters


TOTALITY = ("全部", "全都", "均已", "悉数")  # 13个街道全部建成…: the noun ends before (jieba tags 全部 a noun)


def _noun_after(text: str, end: int, keep_verbs: bool = False) -> str:
    """The noun phrase right after the figure (聘请33名专家学者 → 专家学者)."""
    j = end
    while j < len(text) and text[j] not in STOPS and j - end < NOUN_AFTER + 6:
        j += 1
    words: list[tuple[str, str]] = []
    # jieba reads a little past the limit, so that the last word is not cut (公共法律服务工作|站)
    tokens, at = [], 0
    for word, flag in words_of(text[end:j]):
        if at >= NOUN_AFTER:
            break
        tokens.append((word, flag))
        at += len(word)
    if tokens and tokens[0][0] == "的":
        tokens.pop(0)  # 15.63%的提级执行率
    while keep_verbs and tokens and tokens[0][1] in ("d", "c", "p"):
        tokens.pop(0)  # 仅用30分钟便完成: the adverb is no part of what is done
    for word, flag in tokens:
        if (not flag.startswith(NOUN_TAGS) and flag not in ("a", "b", "v")) or word in TOTALITY:
            break
        words.append((word, flag))
        if MEASURED.search(word) or (len(words) == 1 and (word in COUNTED_NOUNS or word in whole_nouns())):
            break  # 15.63%的提级执行率位居全省前列: the noun names the measure; 12家单位构建…: the bodies counted
    while words and not keep_verbs and not words[-1][1].startswith(NOUN_TAGS) and not MEASURED.search(words[-1][0]):
        words.pop()  # a noun phrase ends in a noun (执行实施专题指导性案例, not 派出所所长进)
    return "".join(w for w, _ in words)


# 同比分别上升18.6%和23.4%: changes listed after 分别, each of the figure in the same place before them
RESPECTIVE = re.compile(COMPARED + "?分别" + CHANGED + "$")
LIST_JOIN = re.compile(r"\s*(?:和|与|及|、)\s*")


def respective_labels(text: str, spans: list[tuple[int, int]], labels: list[str]) -> list[str]:
    """A sentence's labels with each change after 分别 given to its own figure: 破获案件1832起，抓获
    嫌疑人2469名，同比分别上升18.6%和23.4% → 破获案件数同比上升, 抓获犯罪嫌疑人数同比上升."""
    out = list(labels)
    j = 0
    while j < len(spans):
        m = RESPECTIVE.search(text, spans[j - 1][1] if j else 0, spans[j][0])
        run = [j]
        while run[-1] + 1 < len(spans) and LIST_JOIN.fullmatch(text, spans[run[-1]][1], spans[run[-1] + 1][0]):
            run.append(run[-1] + 1)
        n = len(run)
        if m is not None and n >= 2 and j >= n and not any(CHANGE.fullmatch(b) for b in labels[j - n : j]):
            change = m.group(0).replace("分别", "")
            for t, k in enumerate(run):
                out[k] = labels[j - n + t] + change
        elif n >= 2 and (measures := _listed_measures(text, spans[j][0], n)):
            for t, k in enumerate(run):
                out[k] = measures[t]
        j = run[-1] + 1
    return out


# 及时受理率、按期办结率分别达到99.8%、99.5%: measures listed before 分别, one per figure after it
MEASURES_BEFORE = re.compile(r"([^" + STOPS.replace("、", "") + r"]{2,60})分别(?:为|是|达到|达)?$")


def _listed_measures(text: str, first: int, n: int) -> list[str]:
    """The `n` measures (rates, ratios, amounts) listed right before 分别 and the first figure, as labels."""
    m = MEASURES_BEFORE.search(text, max(0, first - 64), first)
    # 、 first: 及, 和 and 与 also stand inside words (及时受理率, 和解率)
    items = (m.group(1).split("、") if "、" in m.group(1) else LIST_JOIN.split(m.group(1))) if m else []
    if len(items) != n or not all(MEASURED.search(i) for i in items):
        return []
    return [_clean(i) for i in items]
