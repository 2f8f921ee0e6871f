"""Outcome figures: a number (Arabic or Chinese, with 万/亿 and 余/多/近/超) and a unit.

Dates, ages, ordinals and document numbers are not outcomes and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}

# unit word → (SPEC unit, multiplier); longest first when matching
UNITS: dict[str, tuple[str, float]] = {
    "元": ("CNY", 1),
    "人次": ("person_time", 1),
    "辆次": ("item", 1),
    "场次": ("item", 1),
    "名": ("person", 1),
    "人": ("person", 1),
    "位": ("person", 1),
    "件": ("case", 1),
    "宗": ("item", 1),
    "起": ("case", 1),
    "个工作日": ("day", 1),
    "天": ("day", 1),
    "日": ("day", 1),
    "小时": ("hour", 1),
    "%": ("percent", 1),
    "个百分点": ("percent", 1),
    "个月": ("other", 1),
    "分钟": ("other", 1),
    "公里": ("other", 1),
    "平方米": ("other", 1),
    "米": ("other", 1),
    "吨": ("other", 1),
    "亩": ("other", 1),
    "个": ("item", 1),
    "处": ("item", 1),
    "套": ("item", 1),
    "台": ("item", 1),
    "辆": ("item", 1),
    "次": ("item", 1),
    "项": ("item", 1),
    "期": ("item", 1),
    "场": ("item", 1),
    "家": ("item", 1),
    "条": ("item", 1),
    "份": ("item", 1),
    "座": ("item", 1),
    "组": ("item", 1),
    "户": ("item", 1),
    "批": ("item", 1),
    "支": ("item", 1),
    "所": ("item", 1),
    "间": ("item", 1),
}
_UNIT_RE = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千]+"
QTY = re.compile(
    rf"(?P<pre>将近|接近|超过|近|超|逾|约|共|累计)?"
    rf"(?P<num>{_AR}|{_CN}|半)\s*(?P<mag>万|亿|千万|百万)?(?P<approx1>余|多)?\s*(?P<mag2>万|亿)?(?P<approx2>余|多)?\s*"
    rf"(?P<unit>{_UNIT_RE})(?P<tail>之内|以内|内)?"
)
# Chinese numerals only with these units: elsewhere 一个/一起/三次全会 are words, not figures.
# (一名法官, 二人 are people in a story, not statistics)
CN_OK_UNITS = {"天", "日", "个月", "小时", "个工作日", "分钟"}
CASE_CONTEXT = re.compile(r"案|纠纷|诉|矛盾|执行|信访|投诉")
MAG = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, None: 1}


@dataclass
class QuantityMention:
    start: int
    end: int
    text: str
    value: float
    unit: str


def cn_to_number(s: str) -> float | None:
    if s == "半":
        return 0.5
    if all(c in CN_DIGITS for c in s):
        return float(int("".join(str(CN_DIGITS[c]) for c in s)))
    total, cur = 0, 0
    for c in s:
        if c in CN_DIGITS:
            cur = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (cur or 1) * CN_UNITS[c]
            cur = 0
        else:
            return None
    return float(total + cur)


def parse_number(num: str) -> float | None:
    if re.fullmatch(_AR, num):
        return float(num.replace(",", ""))
    return cn_to_number(num)


def _is_date_or_ordinal(text: str, m: re.Match) -> bool:
    s, unit = m.start("num"), m.group("unit")
    before = text[max(0, s - 2) : s]
    if before.endswith("第") or before.endswith("前"):
        return True
    if unit == "日" and re.search(r"月\s*$", text[max(0, s - 3) : s]):
        return True
    if unit == "日" and re.match(r"\d{1,2}月", text[s - 3 : s] if s >= 3 else ""):
        return True
    if unit in ("日", "天") and text[m.end() : m.end() + 1] in ("讯", "电"):
        return True
    if unit == "人" and text[m.end() : m.end() + 1] == "民":  # 人民法院
        return True
    if unit == "家" and text[m.end() : m.end() + 2] in ("庭", "长"):
        return True
    if unit in ("次",) and text[m.end() : m.end() + 2] in ("全会", "会议"):
        return True
    if unit == "名" and text[m.end() : m.end() + 1] in ("单", "义", "称", "额"):
        return True
    return False


def find_quantities(text: str) -> list[QuantityMention]:
    out = []
    for m in QTY.finditer(text):
        num, unit = m.group("num"), m.group("unit")
        if not re.fullmatch(_AR, num) and unit not in CN_OK_UNITS:
            continue
        if _is_date_or_ordinal(text, m):
            continue
        value = parse_number(num)
        if value is None:
            continue
        # years in a date (2023年10月) never reach here: 年 is not a unit
        value *= MAG[m.group("mag")] * MAG[m.group("mag2")]
        spec_unit = UNITS[unit][0]
        if unit in ("件", "起", "个") and spec_unit in ("case", "item"):
            around = text[max(0, m.start() - 12) : m.start()] + text[m.end() : m.end() + 12]
            if unit == "个":
                spec_unit = "case" if re.match(r"[\u4e00-\u9fff]{0,4}案例", text[m.end() : m.end() + 8]) else "item"
            else:
                spec_unit = "case" if CASE_CONTEXT.search(around) else "item"
        start = m.start("pre") if m.group("pre") else m.start("num")
        end = m.end()
        out.append(QuantityMention(start, end, text[start:end], round(value, 6), spec_unit))
    return out


PERIOD = re.compile(
    r"(截至(?:\d{4}年)?(?:今年|去年)?\d{1,2}月(?:\d{1,2}日)?|(?:\d{4}年|今年|去年)?(?:上半年|下半年|第[一二三四]季度|前三季度|\d{1,2}月(?:至\d{1,2}月)?)|\d{4}年(?:以来)?|今年以来|去年以来|近[一二三四五两]年)"
)


def find_period(text: str, before: int) -> str | None:
    """The last period phrase before position `before` in the sentence, as written."""
    best = None
    for m in PERIOD.finditer(text, 0, before):
        best = m.group(0)
    return best


METRIC_STOP = "，,；;：:、（(“"


def metric_label(text: str, start: int) -> str:
    """A short label: the words before the figure within its clause."""
    i = start
    while i > 0 and text[i - 1] not in METRIC_STOP and start - i < 14:
        i -= 1
    label = text[i:start].strip()
    label = re.sub(r"^(其中|并|共|累计|已|均|分别|为|达|达到|同比|共计)", "", label)
    label = re.sub(r"(为|达|达到|共|共计|约|超过|近|超|累计)$", "", label)
    return label or text[start : start + 8]


_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}


def resolve_period(period: str | None, article_date: str | None) -> tuple[str | None, str | None]:
    """(start, end) ISO dates of a period phrase, resolved against the article's date.

    Years written out resolve on their own (2021年); 今年/去年 and bare months need the
    article's date. What cannot be resolved stays (None, None): the phrase is kept as text.
    """
    import calendar

    if not period:
        return None, None
    year = int(article_date[:4]) if article_date else None
    m = re.search(r"(\d{4})年", period)
    if m:
        year = int(m.group(1))
    elif "去年" in period:
        year = year - 1 if year else None
    if year is None:
        return None, None

    def month_end(mo: int) -> str:
        return f"{year:04d}-{mo:02d}-{calendar.monthrange(year, mo)[1]:02d}"

    if period.startswith("截至"):
        md = re.search(r"(\d{1,2})月(?:(\d{1,2})日)?", period)
        if md:
            mo = int(md.group(1))
            end = f"{year:04d}-{mo:02d}-{int(md.group(2)):02d}" if md.group(2) else month_end(mo)
            return None, end
        return None, None
    q = re.search(r"第([一二三四])季度", period)
    if q:
        k = _CN_QUARTER[q.group(1)]
        return f"{year:04d}-{3 * k - 2:02d}-01", month_end(3 * k)
    if "前三季度" in period:
        return f"{year:04d}-01-01", month_end(9)
    if "上半年" in period:
        return f"{year:04d}-01-01", month_end(6)
    if "下半年" in period:
        return f"{year:04d}-07-01", month_end(12)
    months = re.findall(r"(\d{1,2})月", period)
    if months:
        a, b = int(months[0]), int(months[-1])
        if 1 <= a <= b <= 12:
            return f"{year:04d}-{a:02d}-01", month_end(b)
        return None, None
    if "以来" in period:
        return f"{year:04d}-01-01", article_date  # since then, up to the article
    return f"{year:04d}-01-01", month_end(12)
