"""Mechanism mentions as adoption sees them: the members of a list one verb governs, and the bare
occurrences of names the document gives elsewhere."""

from __future__ import annotations

import re

from .inst_base import InstitutionMention
from .mechanisms import MechanismMention

# what joins the mechanisms of a list that one verb governs (构建“执破融合”“内外衔接”机制)
MECH_JOIN = re.compile(
    r"[“”\"《》「」\s]*(?:机制|制度|模式|工作法)?[“”\"《》「」\s]*(?:、|和|与|及|以及)?[“”\"《》「」\s]*"
)
# the shortest mechanism name of the document looked for where it stands bare
MIN_KNOWN_NAME = 4


def list_heads(text: str, mechs: list[MechanismMention]) -> dict[int, int]:
    """Mechanism start → where the list it belongs to starts: the members of 构建“执破融合”“内外衔接”机制
    share the verb before the first."""
    heads: dict[int, int] = {}
    prev: MechanismMention | None = None
    for mm in sorted(mechs, key=lambda m: (m.start, m.end)):
        joined = prev is not None and prev.end <= mm.start and MECH_JOIN.fullmatch(text, prev.end, mm.start)
        heads[mm.start] = heads[prev.start] if joined and prev is not None else mm.start
        prev = mm
    return heads


def named_elsewhere(
    text: str, names: set[str], mechs: list[MechanismMention], insts: list[InstitutionMention]
) -> list[MechanismMention]:
    """Bare occurrences of mechanism names the document gives elsewhere (“七方联动”机制 … 七方联动部门),
    where no mechanism or body is found already; short names are left out: too many are common words."""
    # only the names the sentence holds are sorted and looked for (most hold none of the document's)
    held = [n for n in names if len(n) >= MIN_KNOWN_NAME and n in text]
    if not held:
        return []
    taken = [(m.start, m.end) for m in mechs] + [(im.start, im.end) for im in insts]
    out: list[MechanismMention] = []
    for name in sorted(held):
        i = text.find(name)
        while i >= 0:
            e = i + len(name)
            if all(e <= a or i >= b for a, b in taken):
                out.append(MechanismMention(i, e, name, name, None, "mech.document-name"))
                taken.append((i, e))
            i = text.find(name, e)
    return out
