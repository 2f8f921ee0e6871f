"""Numbers as the figures write them: Arabic (1,264, 12.7) or Chinese (二万三千, 六十五点三), and the
figure records the quantity rules return."""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
ARABIC_NUMBER = re.compile(ARABIC)


@dataclass
class QuantityMention:
    start: int
    end: int
    text: str
    value: float
    unit: str
    rule: str = ""  # qty.percent, qty.unit:件→case …


def cn_to_number(s: str) -> float | None:
    if s == "半":
        return 0.5
    if "万" in s:
        high, _, low = s.partition("万")
        h, lo = cn_to_number(high), cn_to_number(low.lstrip("零〇"))
        return None if h is None or lo is None else h * 1e4 + lo
    if "点" in s:  # 六十五点三
        whole, _, frac = s.partition("点")
        w = cn_to_number(whole)
        if w is None or not frac or not all(c in CN_DIGITS for c in frac):
            return None
        return w + float("0." + "".join(str(CN_DIGITS[c]) for c in frac))
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
    if ARABIC_NUMBER.fullmatch(num):
        return float(num.replace(",", ""))
    return cn_to_number(num)
