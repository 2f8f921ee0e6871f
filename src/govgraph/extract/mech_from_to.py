"""`mech.from-to`: 从于田县的“面对面调解”到独山子区的“云端连心桥”: a survey of places told from one to
another, each with the quoted name of its own practice, names a mechanism in every quote, as a list of such
places does (于田县的“面对面调解”、巩留县的“三维赋能”等). The places adopt nothing: regions are no actors."""

from __future__ import annotations

import re

from .mech_names import Candidate, plausible

# 从<place>的“<name>”到<place>的“<name>”: the places divisions named with their level (于田县, 独山子区, 桃浦镇),
# not times (从过去的“多头跑”到现在的“一次办”: a change told, no two practices), the names in full quotes
PLACE = r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟|镇|乡|街道|村|社区)"
NAME = r"[^“”，。；]{2,12}"
FROM_TO = re.compile(rf"从{PLACE}的“(?P<first>{NAME})”到{PLACE}的“(?P<second>{NAME})”")
PRACTICE = rf"{PLACE}的“{NAME}”"
LISTED = re.compile(rf"{PRACTICE}(?:、{PRACTICE})+")
QUOTED_NAME = re.compile(rf"“({NAME})”")


def from_to(text: str) -> list[Candidate]:
    """The quoted names of a 从…的“X”到…的“Y” survey or a list of places' quoted practices, each a mechanism."""
    if "的“" not in text:
        return []
    spans = {(m.start(g), m.end(g)): "mech.from-to" for m in FROM_TO.finditer(text) for g in ("first", "second")}
    for m in LISTED.finditer(text):
        for q in QUOTED_NAME.finditer(text, m.start(), m.end()):
            spans.setdefault((q.start(1), q.end(1)), "mech.places-listed")
    return [
        Candidate(s - 1, e + 1, text[s:e], rule, text[s:e])
        for (s, e), rule in sorted(spans.items())
        if plausible(text[s:e])
    ]
