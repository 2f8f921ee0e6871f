"""Speakers of a transcript (press conference, interview): a body's officer introduced by name
(绍兴市市场监督管理局副局长陈刚, 访临沂市司法局党组书记、局长王建国) who then opens a paragraph with
the name and a colon (陈刚：…) speaks for the body, and 我们 opening a clause of what the officer says
is that body acting (rule `inst.speaker:我们`). An interviewer's label (记者：, 主持人：, 问：) ends the turn."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ..lexicon import person_titles
from ..segment import jieba_pos
from ..spans import find_each
from .inst_base import CLAUSE_MARKS, SPEAKER_WE, Context, InstitutionMention
from .subject_base import OUTPOSTS

# a turn's label: a name or a role and a colon opening the sentence
TURN_LABEL = re.compile(r"([\u4e00-\u9fff]{1,4})[：:]")
WE = "我们"
CITIZENS = ("女士", "先生", "大爷", "大妈", "阿姨", "师傅", "老人")
LAST_OFFICER = ""  # the key of the body the last officer's turn spoke for
# what may follow an officer's name where the text introduces it (a title line may run on into the first
# question: …局长王建国记者：…)
# …or the story of the officer may go on (所长赵刚今年已经在基层干了18年, 局长王强告诉记者)
NOT_NAME_START = tuple("今去已一告对带")  # …where no name stands (局长今年已经…)
AFTER_NAME = r"(?=[，,。：:（(、\s]|在|介绍|表示|说|指出|强调|(?:记者|主持人)[：:]|今年|去年|已|一直|告诉|[对向]记者|带领|带队|$)"


@lru_cache(maxsize=1)
def _posts() -> str:
    """One post or more (党组书记、局长), each perhaps deputy (副, 常务副): a regex."""
    titles = "|".join(map(re.escape, sorted(person_titles(), key=len, reverse=True)))
    return rf"(?:、?(?:常务)?副?(?:{titles}))"


@lru_cache(maxsize=1)
def _name_after_titles() -> re.Pattern:
    # 党组书记、局长王建国: further titles may follow the first before the name
    return re.compile(rf"{_posts()}*([\u4e00-\u9fff]{{2,3}}?){AFTER_NAME}")


@lru_cache(maxsize=1)
def _titles_alone() -> re.Pattern:
    """Posts with no name after them (该院副院长表示: news often leaves the officer unnamed)."""
    return re.compile(rf"{_posts()}+")


def speaker_bodies(text: str, insts: list[InstitutionMention], ctx: Context) -> list[InstitutionMention]:
    """Record the officers the sentence introduces, set whose turn the sentence is, and return the
    sentence's bodies with the 我们 of the speaking officer's body added (in text order)."""
    for m in insts:
        if m.title_only and (named := _introduced_name(text, m.end)):
            ctx.speakers[named] = _body_of(m)
    if (label := TURN_LABEL.match(text)) is not None:
        # an officer not introduced with a body of the text's (民三庭庭长赵磊) speaks for the body the
        # officers before spoke for; an interviewer or a host speaks for none
        who = label.group(1)
        ctx.speaker = ctx.speakers.get(who) or (ctx.speakers.get(LAST_OFFICER) if _an_officer(who) else None)
        if ctx.speaker is not None:
            ctx.speakers[LAST_OFFICER] = ctx.speaker
    if WE not in text:
        return insts
    speaker = ctx.speaker or ctx.quote_speaker
    if speaker is not None:
        found = [_we(speaker, i) for i in _clause_openings(text, label.end() if label else 0)]
    else:
        found = _said_before(text, insts, ctx)
    if not found:
        return insts
    ctx.institutions.extend(found)
    return sorted(insts + found, key=lambda m: (m.start, m.end))


# a quote standing as a sentence of its own (“我们…。”), and the lead of the sentence after it that names
# who said it: a date, then the officer (7月10日，商洛中院民一庭庭长王金新在会上说道)
OWN_QUOTE = re.compile(r"\s*“[^”]*我们[^”]*”\s*$")
ATTRIBUTION_LEAD = re.compile(
    r"\s*(?:[0-9０-９一二三四五六七八九十]{1,4}[月日号][0-9０-９一二三四五六七八九十]{0,3}日?[，,]?)?"
)
REGION_POST = re.compile(r"[\u4e00-\u9fff]{2,8}、")
# …and that sentence says no more than who said it and where (在会上说道。)
SAY = "(?:说|介绍|表示|指出|坦言|谈到|强调|感慨)道?"
SAYING = re.compile(rf"[^，。“”]{{0,15}}?{SAY}[。！]?\s*$")
# an officer's name, a few words (在会上) and a verb of saying, then the quote: 张元明说：“…
SAID_QUOTE = re.compile(rf"[^，。“”]{{0,12}}?{SAY}[：:，,]“")


def _said_before(text: str, insts: list[InstitutionMention], ctx: Context) -> list[InstitutionMention]:
    """周口市公安局局长张元明说：“我们…”: 我们 in a quote after an officer's name and a verb of saying is
    the officer's body; the name alone will do once the text has introduced the officer (张元明说：“我们…”)."""
    said_by: list[tuple[int, InstitutionMention]] = []  # where the name ends, the body
    for m in insts:
        if m.title_only and (named := _introduced(text, m.end)):
            said_by.append((named.end(1), _body_of(m)))
    for name, body in ctx.speakers.items():
        if name != LAST_OFFICER:
            said_by += [(i + len(name), body) for i in find_each(text, name)]
    found: dict[int, InstitutionMention] = {}  # by where 我们 stands (an officer introduced here is named twice)
    for end, body in said_by:
        said = SAID_QUOTE.match(text, end)
        if said is not None:
            close = text.find("”", said.end())
            quote_end = len(text) if close < 0 else close
            found.update((i, _we(body, i)) for i in _clause_openings(text, said.end()) if i < quote_end)
    return [found[i] for i in sorted(found)]


def is_own_quote(text: str) -> bool:
    """A sentence that is a quote and nothing else, with 我们 in it."""
    return WE in text and OWN_QUOTE.match(text) is not None


def quote_speaker(text: str, insts: list[InstitutionMention]) -> InstitutionMention | None:
    """The body of the officer the sentence after a quote opens with as its speaker (”7月10日，商洛中院民一庭
    庭长王金新在会上说道): `insts` are that sentence's bodies. An officer of a unit speaks for its body."""
    lead = ATTRIBUTION_LEAD.match(text)
    start = lead.end() if lead else 0
    # the officer may hold posts in several bodies (市委常委、政法委书记刘建国): the body of the post before the name
    titles = [m for m in insts if m.title_only and m.start >= start and "，" not in text[start : m.start]]
    # (a first post in no body of the text's may stand before: 株洲市委常委、政法委书记)
    if not titles or (titles[0].start != start and not REGION_POST.fullmatch(text, start, titles[0].start)):
        return None
    officer, named = next(((m, n) for m in titles if (n := _introduced(text, m.end))), (None, None))
    if officer is not None and named is not None and SAYING.match(text, named.end(1)):
        return _body_of(officer)
    # an officer left unnamed (”该院副院长表示。): the post, then the verb of saying; the post may be in a
    # division named after its body (X检察院第二检察部负责人表示)
    for m in titles:
        posts = _titles_alone().match(text, m.end)
        if posts and SAYING.match(text, posts.end()):
            return _body_of(m)
    return None


def _body_of(officer: InstitutionMention) -> InstitutionMention:
    """The body an officer speaks for: an officer of a division speaks for its body (省法院执行局局长王强: the
    court), as the speaker of a report does (subjects.OUTPOSTS: units away from their body speak for themselves)."""
    body = officer.parent if officer.parent is not None and not officer.name.endswith(OUTPOSTS) else None
    return officer if body is None else dataclasses.replace(officer, name=body, parent=None)


def _an_officer(label: str) -> bool:
    """A person's name (jieba: nr), not an interviewer's role nor a citizen's (张女士, 李大爷)."""
    words = jieba_pos(label)
    return len(words) == 1 and words[0][1] == "nr" and not label.endswith(CITIZENS)


def _introduced(text: str, end: int) -> re.Match | None:
    """An officer's posts and name right after a body (局长王建国), the name as group 1; a post is no name."""
    m = _name_after_titles().match(text, end)
    return m if m and m.group(1) not in person_titles() and not m.group(1).startswith(NOT_NAME_START) else None


def _introduced_name(text: str, end: int) -> str | None:
    m = _introduced(text, end)
    return m.group(1) if m else None


def _clause_openings(text: str, start: int) -> list[int]:
    """Where 我们 opens a clause (the sentence after the label, or after a clause mark)."""
    return [i for i in find_each(text, WE, start) if i == start or text[i - 1] in CLAUSE_MARKS or text[i - 1] == "“"]


def _we(body: InstitutionMention, at: int) -> InstitutionMention:
    return dataclasses.replace(
        body, start=at, end=at + len(WE), surface=WE, title_only=False, prefix_only=False, rule=SPEAKER_WE, pronoun=True
    )
