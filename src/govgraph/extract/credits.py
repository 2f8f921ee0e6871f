"""The region a credit line names (（来源：武宣县融媒体中心）, 来源：平江县人民法院) for an article that names
none in its body: county news sites and courts' posts write 县法院, 县委政法委 and 我院 for their own
county's bodies. The credit names no region of its own (SPEC v2), so the region is not listed; it only
tells which county's bodies the relative references are."""

from __future__ import annotations

import re

from ..lexicon import Division
from .inst_base import Context, InstitutionMention
from .institutions import find_institutions
from .regions import find_regions

CREDIT_SOURCE = re.compile(r"(?:^|\n)[ \t\u3000]*[（(]?[^\n：:]{0,12}?(?:信息)?来源\s*[:：]\s*([^\n）)]{2,30})")


# the bodies whose own posts say 我院 (a court's or a procuratorate's WeChat post)
AUTHOR_KINDS = ("court", "procuratorate")


def credit_regions(text: str) -> list[Division]:
    """The divisions the credit lines of `text` name in full (one candidate each)."""
    if "来源" not in text:
        return []
    out = []
    for m in CREDIT_SOURCE.finditer(text):
        for r in find_regions(m.group(1)):
            if not r.is_short and not r.local_level and len(r.candidates) == 1:
                out.append(r.candidates[0])
    return out


def credit_author(text: str) -> InstitutionMention | None:
    """The court or procuratorate a credit line names as the source (来源：湖南省平江县人民法院): the
    body whose own account the text is, which its 我院 names."""
    if "来源" not in text:
        return None
    for m in CREDIT_SOURCE.finditer(text):
        source = m.group(1).strip()
        found = [b for b in find_institutions(source, find_regions(source), Context()) if b.kind in AUTHOR_KINDS]
        if len(found) == 1 and found[0].end == len(source):
            return found[0]
    return None
