"""A mechanism named again by a demonstrative (该机制, 这一模式): it stands for the last mechanism
the article named before it, so a body that takes it up (九龙坡区人民法院同步推行该机制) adopts that one."""

from __future__ import annotations

import re
from dataclasses import replace

from .mechanisms import MechanismMention

# a demonstrative and a generic word that a mechanism's name may end in; or a pilot's verb with no
# object, which takes up the measure just named (…协作机制。朝阳区法院、南关区法院率先试点，…), as does
# being made its pilot or being one (…作为试点单位先行先试, 被确定为全国试点法院, X派出所是首批试点单位)
ANAPHOR = re.compile(
    r"(?:该|这一|此|这项|这种)(?:工作机制|机制|模式|制度|工作法|做法)|(?:率先|先行)(?:试点|试行|推行)(?=[，。；,;])"
    r"|(?:被确定为|被列为|确定为|列为|作为|是|成为)(?:全国|全省|全区|全市)?(?:首批|第一批)?试点(?:单位|法院|检察院|派出所)"
)


TAILED = ("机制", "模式", "制度", "工作法", "做法", "经验")
# a campaign named again as 该专项行动, or as 专项行动 right after a verb that launches it (已率先启动专项行动)
CAMPAIGN_ANAPHOR = re.compile(r"(?:(?:该|此|这一|此次|本次|这次)|(?<=启动|开展|部署))专项(?:行动|活动)")
CAMPAIGN_ENDS = ("行动", "活动")
# the characters ANAPHOR's words open with (试 for its pilots: all hold 试点), and the word CAMPAIGN_ANAPHOR's
# hold: both patterns open with a group, which `re` tries at every character, so a sentence is first asked
# whether it holds them at all
ANAPHOR_OPENINGS = re.compile("[该这此率先试]")


def antecedent(mechs: list[MechanismMention]) -> MechanismMention | None:
    """The mechanism a later 该机制 most likely means: the last named with its generic word
    (“警民调解+司法确认”模式, not the bare 司法确认 of 出具司法确认文书 after it), else the last."""
    ordered = sorted(mechs, key=lambda mm: mm.end)
    tailed = [mm for mm in ordered if mm.surface.endswith(TAILED)]
    chosen = tailed or ordered
    return chosen[-1] if chosen else None


def mechanism_anaphors(
    text: str,
    mechs: list[MechanismMention],
    before: MechanismMention | None,
    campaign: MechanismMention | None = None,
    by_tail: dict[str, MechanismMention] | None = None,
) -> list:
    """Mentions standing where 该机制 (…) stands, named as the last mechanism before it: one of the
    sentence's own before it, else the article's last from earlier sentences named with the demonstrative's
    own word (`by_tail`: 该机制 takes up “林长+检察长”协作机制, not the bare 检察建议 of a sentence between),
    else `before` (the article's last); and where 该专项行动 stands, the last campaign (`campaign`, the
    article's last from earlier sentences)."""
    out = []
    for m in ANAPHOR.finditer(text) if ANAPHOR_OPENINGS.search(text) else ():
        named = antecedent([mm for mm in mechs if mm.end <= m.start()]) or _same_word(m.group(), by_tail) or before
        if named is not None:
            out.append(replace(named, start=m.start(), end=m.end(), surface=m.group(), rule="mech.anaphor"))
    for m in CAMPAIGN_ANAPHOR.finditer(text) if "专项" in text else ():
        if any(mm.start < m.end() and m.start() < mm.end for mm in mechs):
            continue  # the words end a campaign's own name (“检护民生”专项行动)
        named = last_campaign([mm for mm in mechs if mm.end <= m.start()]) or campaign
        if named is not None:
            out.append(replace(named, start=m.start(), end=m.end(), surface=m.group(), rule="mech.anaphor"))
    return out


def tailed_by_word(mechs: list[MechanismMention], by_tail: dict[str, MechanismMention]) -> None:
    """Keep in `by_tail` the last mechanism named with each generic word (“X”协作机制 under 机制)."""
    for mm in sorted(mechs, key=lambda mm: mm.end):
        tail = next((t for t in TAILED if mm.surface.endswith(t)), None)
        if tail is not None:
            by_tail[tail] = mm


def _same_word(anaphor: str, by_tail: dict[str, MechanismMention] | None) -> MechanismMention | None:
    tail = next((t for t in TAILED if anaphor.endswith(t)), None)
    return by_tail.get(tail) if by_tail and tail else None


def last_campaign(mechs: list[MechanismMention]) -> MechanismMention | None:
    """The last mechanism named as a campaign (its words end in 行动 or 活动: “检护民生”专项行动)."""
    return next((mm for mm in sorted(mechs, key=lambda mm: -mm.end) if mm.surface.endswith(CAMPAIGN_ENDS)), None)
