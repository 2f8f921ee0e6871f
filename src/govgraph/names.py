"""When two names denote the same thing, by the rules of shared/gold/SPEC.md: read by the
resolver (which mention is which institution) and by the scorer (which prediction is which
gold item), so that extraction and evaluation agree on what counts as one name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

QUOTES = "“”\"'‘’「」『』《》〈〉"
GENERIC_TAIL = re.compile(r"(机制|制度|模式|工作法|改革|工作|行动|体系|理念|程序)$")
REGION_TAIL = re.compile(r"(省|市|区|县|州|盟|旗|地区|镇|乡|街道|村|社区|自治区)$")


def norm(s):
    """NFKC, without white space and quotation marks; None stays None."""
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    return "".join(ch for ch in s if not ch.isspace() and ch not in QUOTES)


def mech_key(s) -> str:
    """A mechanism's name without up to two generic tails (机制, 制度, 工作 ...)."""
    s = norm(s) or ""
    for _ in range(2):
        t = GENERIC_TAIL.sub("", s)
        if len(t) >= 2:
            s = t
    return s


def party(s):
    """中共X and 中国共产党X name the same party body (SPEC v2)."""
    return "中国共产党" + s[2:] if s and s.startswith("中共") else s


def inst_match(p, g, regions: Container) -> bool:
    """The same institution: equal, or one is the other with a region in front (a name that
    ends like a region, or one of `regions`); 中共 reads as 中国共产党."""
    p, g = party(norm(p)), party(norm(g))
    if not p or not g:
        return False
    if p == g:
        return True
    short, long_ = (p, g) if len(p) < len(g) else (g, p)
    if not long_.endswith(short):
        return False
    lead = long_[: len(long_) - len(short)]
    return bool(REGION_TAIL.search(lead)) or lead in regions


def mech_match(p, g) -> bool:
    """The same mechanism: equal keys, or one key inside the other (two characters or more)."""
    a, b = mech_key(p), mech_key(g)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))
