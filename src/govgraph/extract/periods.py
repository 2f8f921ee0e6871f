"""Periods of outcome figures: the period phrase a figure's sentence gives it (今年1至10月,
截至10月底, 2019年至2025年10月, 过去一年), as written, and the ISO dates it spans, resolved
against the article's date."""

from __future__ import annotations

import calendar
import re

from .numbers import cn_to_number

_TO = "(?:至|到|—|－|-|~)"
PERIOD = re.compile(
    # the characters a period phrase starts with, tested first: where none starts, one test fails
    # instead of every branch (six times as fast)
    r"(?=[截\d今去前上下第近过])"
    r"(截至(?:\d{4}年)?(?:今年|去年)?(?:\d{1,2}月(?:\d{1,2}日|底|末)?|年底|年末|底|末|目前)"
    r"|(?:\d{4}年|今年|去年)?前(?:\d{1,2}|[一二三四五六七八九十]{1,3})个月"
    r"|(?:\d{4}年|今年|去年)全年"
    r"|\d{4}年?(?:\d{1,2}月份?)?" + _TO + r"\d{4}年(?:\d{1,2}月份?)?"
    r"|(?:\d{4}年|今年|去年)?\d{1,2}月\d{1,2}日(?![讯电]|消息)"
    r"|(?:\d{4}年|今年|去年)?(?:上半年|下半年|第[一二三四]季度|前三季度|\d{1,2}(?:月份?)?"
    + _TO
    + r"\d{1,2}月份?|\d{1,2}月份?)"
    r"|\d{4}年(?:以来|至今)?|今年以来|去年以来|近[一二三四五两]年"
    # the year alone (去年，全市…; a work report's 过去一年), not the same time of it (去年同期) nor an
    # attribute (今年首批, 今年第二批)
    r"|(?:今年|去年|过去一年)(?!同期|底|末|初|首|第))"
)
PAST_YEAR = "过去一年"  # in a work report: the year it reports on, the one before the report's
A_DAY = re.compile(r"\d{1,2}日")  # 本报北京11月5日讯: a dateline, not the period of what follows


def find_period(text: str, before: int) -> str | None:
    """The last period phrase before position `before` in the sentence, as written."""
    best = None
    for m in PERIOD.finditer(text, 0, before):
        if text[max(0, m.start() - 1) : m.start()] in ("较", "比"):
            continue  # 较去年全年增长4.19%: what the figure is compared with, not its period
        if text[max(0, m.start() - 1) : m.start()] in ("由", "从") and text.startswith("的", m.end()):
            if m.end() + 1 < before:
                continue  # 由去年的118件降至104件: the level 104件 started from (118件 is 去年's)
        if not A_DAY.match(text, m.end()) or m.group(0).startswith("截至"):
            best = m.group(0)
    return best


_CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}


def _years_range(period: str, a: int, b: int) -> tuple[str | None, str | None]:
    """2020年至2024年, 2023年1月至2024年9月, 2019年至2025年10月: a side without its month is the
    whole year."""
    since, until = re.split(_TO, period, maxsplit=1) if re.search(_TO, period) else (period, period)
    from_month, to_month = re.search(r"年(\d{1,2})月", since), re.search(r"年(\d{1,2})月", until)
    first = int(from_month.group(1)) if from_month else 1
    last = int(to_month.group(1)) if to_month else 12
    if not (1 <= first <= 12 and 1 <= last <= 12) or (a, first) > (b, last):
        return None, None
    return f"{a:04d}-{first:02d}-01", f"{b:04d}-{last:02d}-{calendar.monthrange(b, last)[1]:02d}"


def resolve_period(period: str | None, article_date: str | None) -> tuple[str | None, str | None]:
    """(start, end) ISO dates of a period phrase, resolved against the article's date.

    Years written out resolve on their own (2021年); 今年/去年 and bare months need the
    article's date. What cannot be resolved stays (None, None): the phrase is kept as text.
    """
    if not period:
        return None, None
    year = int(article_date[:4]) if article_date else None
    years = re.findall(r"(\d{4})年?", period)
    if len(years) == 2:  # 2020年至2024年, 2023年1月至2024年9月
        return _years_range(period, int(years[0]), int(years[1]))
    m = re.search(r"(\d{4})年", period)
    if m:
        year = int(m.group(1))
    elif "去年" in period or period == PAST_YEAR:
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
        if period.endswith("目前"):
            return None, article_date  # up to the article's day
        return (None, month_end(12)) if period.endswith(("年底", "年末")) else (None, None)
    first = re.search(r"前(\d{1,2}|[一二三四五六七八九十]{1,3})个月", period)
    if first:  # 今年前10个月
        n = int(first.group(1)) if first.group(1).isdigit() else int(cn_to_number(first.group(1)) or 0)
        return (f"{year:04d}-01-01", month_end(n)) if 1 <= n <= 12 else (None, None)
    day = re.search(r"(\d{1,2})月(\d{1,2})日", period)
    if day:  # 1月23日, 省公安厅调集1000余名警力: that day
        mo, d = int(day.group(1)), int(day.group(2))
        if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(year, mo)[1]):
            return None, None
        return f"{year:04d}-{mo:02d}-{d:02d}", f"{year:04d}-{mo:02d}-{d:02d}"
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
    months = re.findall(r"(\d{1,2})(?:月|" + _TO + ")", period.split("年")[-1])
    if months:
        a, b = int(months[0]), int(months[-1])
        if 1 <= a <= b <= 12:
            return f"{year:04d}-{a:02d}-01", month_end(b)
        return None, None
    if "以来" in period or "至今" in period or period == "今年":
        return f"{year:04d}-01-01", article_date  # since then, up to the article
    return f"{year:04d}-01-01", month_end(12)
