"""Bodies named by a quoted word before their head with no region in front (有一支由退休干部组成的
“和事佬”协会): grassroots associations and teams, which belong to the place the article is about."""

from __future__ import annotations

import re

from ..lexicon import Head
from .inst_base import Context, InstitutionMention, region_prefix, township_county

# heads of grassroots organisations that are named this way (a court or bureau is named by its region)
QUOTED_KINDS = ("social_organization",)


def quoted_body(text: str, quoted: re.Match, he: int, head: Head, ctx: Context) -> list[InstitutionMention]:
    """The quoted word and the head make the name; the article's last township (with its county) or
    else its last county is the region in front of it, when the article has named one."""
    if head.kind not in QUOTED_KINDS:
        return []
    town = next((name for name, level in reversed(ctx.local_regions) if level == "township"), None)
    county = township_county([], ctx)
    prefix = (region_prefix(county) if county is not None else "") + (town or "")
    name = prefix + quoted.group(1) + head.surface
    start = quoted.start()
    region_name = town or (county.name if county is not None else None)
    return [
        InstitutionMention(
            start, he, text[start:he], name, head.kind, county, region_name, rule="inst.quoted-name:" + head.surface
        )
    ]
