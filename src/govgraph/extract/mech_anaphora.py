"""A mechanism named again by a demonstrative (该机制, 这一模式): it stands for the last mechanism
the article named before it, so a body that takes it up (九龙坡区人民法院同步推行该机制) adopts that one."""

from __future__ import annotations

import re
from dataclasses import replace

from .mechanisms import MechanismMention

# a demonstrative and a generic word that a mechanism's name may end in
ANAPHOR = re.compile(r"(?:该|这一|此|这项|这种)(?:工作机制|机制|模式|制度|工作法|做法)")


TAILED = ("机制", "模式", "制度", "工作法", "做法", "经验")


def antecedent(mechs: list[MechanismMention]) -> MechanismMention | None:
    """The mechanism a later 该机制 most likely means: the last named with its generic word
    (“警民调解+司法确认”模式, not the bare 司法确认 of 出具司法确认文书 after it), else the last."""
    ordered = sorted(mechs, key=lambda mm: mm.end)
    tailed = [mm for mm in ordered if mm.surface.endswith(TAILED)]
    chosen = tailed or ordered
    return chosen[-1] if chosen else None


def mechanism_anaphors(text: str, mechs: list[MechanismMention], before: MechanismMention | None) -> list:
    """Mentions standing where 该机制 (…) stands, named as the last mechanism before it: one of the
    sentence's own before it, else `before` (the article's last from earlier sentences)."""
    out = []
    for m in ANAPHOR.finditer(text):
        named = antecedent([mm for mm in mechs if mm.end <= m.start()]) or before
        if named is not None:
            out.append(replace(named, start=m.start(), end=m.end(), surface=m.group(), rule="mech.anaphor"))
    return out
