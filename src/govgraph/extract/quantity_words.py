"""Figures written in words rather than as a number and a unit: a rate (百分之八十五), tenths (九成, 近6成),
a share as a fraction (四分之一) and a time limit of one day (当日受理, 次日即完成)."""

from __future__ import annotations

import re

from .numbers import QuantityMention, cn_to_number, parse_number

# 当日受理、次日即完成: a time limit of a day written as a word, before the act it limits (当日，… is a date)
DAY_LIMIT = re.compile(
    r"(?:当日|当天|次日|隔日)(?=即?(?:受理|办结|审查|审结|兑现|立案|完成|反馈|回复|答复|送达|执结|到账|办理|处理|发放))"
)


def day_limits(text: str) -> list[QuantityMention]:
    if "日" not in text and "天" not in text:
        return []
    return [
        QuantityMention(m.start(), m.end(), m.group(0), 1.0, "day", "qty.day-word") for m in DAY_LIMIT.finditer(text)
    ]


# 调解成功率达百分之八十五: a rate written out (百分之百 is mostly a manner of speaking: 百分之百满意, 百分之百
# 投入; a figure only right after a rate: 采纳率百分之百, 整改率达到百分之百)
PERCENT_IN_WORDS = re.compile(r"百分之(?P<num>[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?|百)")
RATE_BEFORE = re.compile(r"率均?(?:达到|达|为|保持|实现)?$")


# 调解成功率达到九成, 近6成, 下降两成, 占总数的七成: tenths, after a word that says a level or a change is reached (一成不变,
# 八成新 are words)
TENTHS = re.compile(
    r"(?:占[^，。；,;]{0,15}?的|达到|达|超过|超|近|约|占|提高|提升|上升|增长|下降|减少|降低)(?P<num>[一二两三四五六七八九1-9])成(?P<more>以上|左右|多)?"
    r"(?=$|[^\u4e00-\u9fff]|的)"
)


# 约占全市的四分之一, 占比超过三分之二: a share written as a fraction, after a word that says a share or a
# level (三分之二以上多数 is a quorum: no work done)
FRACTION = re.compile(
    r"(?:占|的|达到|达|超过|超|近|约|逾|(?:提高|提升|上升|增长|下降|减少|降低|缩短|压缩)了?)(?P<den>[二三四五六七八九十])分之(?P<num>[一二两三四五六七八九])(?!以上多数)"
)


def percent_in_words(text: str) -> list[QuantityMention]:
    out = []
    if "分之" in text:
        for m in FRACTION.finditer(text):
            den, num = cn_to_number(m.group("den")), cn_to_number(m.group("num"))
            if den and num and num < den:
                s = m.start("den")
                share = round(num / den * 100, 2)
                out.append(QuantityMention(s, m.end(), text[s : m.end()], share, "percent", "qty.fraction"))
    if "百分之" in text:
        for m in PERCENT_IN_WORDS.finditer(text):
            value = 100.0 if m.group("num") == "百" else cn_to_number(m.group("num"))
            if value is not None and (0 < value < 100 or value == 100 and RATE_BEFORE.search(text, 0, m.start())):
                out.append(QuantityMention(m.start(), m.end(), m.group(0), value, "percent", "qty.percent-words"))
    if "成" in text:
        for m in TENTHS.finditer(text):
            value = parse_number(m.group("num"))
            if value is not None:
                s = m.start("num")
                out.append(QuantityMention(s, m.end(), text[s : m.end()], value * 10, "percent", "qty.tenths"))
    return out
