"""An article's headline: its title lines, or failing those a stand-in from its lead.

A newspaper article opens with a few short lines before its body: maybe a column label
(``■法庭素描``, ``## 平安聚焦``), a series label in brackets (``【…行】``), a kicker and the
title, a subtitle (``——…探访记``), the dateline (``本报北京4月7日讯``), the byline
(``□ 本报记者 …``) and photo credits (``… 摄``). The headline is the title lines among them,
with the kicker and the subtitle; labels, datelines, bylines, credits and navigation
(``上接第一版``, ``编者按：``) never are. When an article has no title line (a page whose
title the scan lost), its first real sentence, cut at a clause, stands in for it; the
article records that the headline is a stand-in (`Article.headline_from_lead`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalize import METADATA_LINE, ends_terminal

MAX_TITLE = 40  # characters of one title line
MAX_LEAD = 30  # characters of a stand-in headline, before its "…"
MIN_LEAD_CLAUSE = 10  # a stand-in cut at a clause keeps at least this much
MIN_LEAD = 6  # a shorter sentence (an exclamation: “咚！”) does not stand in

# Markers that open a label or heading line; stripped before a line is read.
_MARKS = re.compile(r"^(?:#{1,6}\s*|[■□◆●▲★◇○△☆]\s*)+")
_HEADING = re.compile(r"^#{2,6}\s")
# A dateline: who (本报, 新华社, 央广网 …), where, when, then 讯/电/消息; or an outlet and 讯 alone
# (本报讯, 安徽法治报讯, 中国法院网讯; a website's name may be longer: 中央纪委国家监委网站讯, but not a
# headline run into 本报讯 as pages lose the line break: 清城区开展环境卫生整治行动本报讯), or an outlet's channel before a space (福建法院微信公众号);
# undated, the outlet and its place (本报西安讯 记者…, 新华社北京电 …): the place is the reporter's, not the story's.
_DATELINE = re.compile(
    r"^(?:本报讯|(?:本报|新华社|中新社)[\u4e00-\u9fff]{2,7}?(?:讯|电)(?=[\s（(]|记者|通讯员)|[^\s，。,]{1,8}?(?:报|网|台|社)讯|[^\s，。,本报]{1,14}?网站?讯|[^\s，。,]{1,10}?(?:微信公众号|公众号|客户端|官方微博)(?=\s)"
    r"|(?:本报|\S{0,6}?(?:社|网|报|台|新闻))?\S{0,8}?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:讯|电|消息))"
)
# ... with the reporters it names right after it, in brackets (记者 郑良) or not (记者 蔡长春 12月4日，…):
# a name is two or three characters followed by a space or 、
_REPORTERS = r"(?:\s*(?:本报)?(?:记者|通讯员|实习生)(?:\s*[\u4e00-\u9fff]{2,3}(?=[\s、])、?)+)*"
_DATELINE_HEAD = re.compile(_DATELINE.pattern + r"\s*(?:[（(][^（()）]{0,40}[)）])?" + _REPORTERS + r"\s*")
# A byline or credit: someone's role and name, short and without a sentence's punctuation.
_CREDIT = re.compile(r"(?:记者|通讯员|编辑|撰稿|摄影|供图|摄)")
_NAVIGATION = re.compile(r"^(?:上接|下转|接上|转第|续第|接第|见第)|第[一二三四五六七八九十\d]+版$")
_NOTE = re.compile(r"^(?:编者按|编者的话|编后|核心提示|阅读提示|导读|提要)")
_BRACKETED = re.compile(r"^【[^【】]*】$")
_SUBTITLE = re.compile(r"^[—–-]{1,3}")
_LABEL_CHARS = 6  # a marked line this short is a column label, not a title
_CLOSERS = "”’」』）)》\"'"
_CLAUSE_BREAK = re.compile(r"[，、；：,;:]")
_TERMINAL_TAIL = re.compile(r"[。！？!?；;…]+([”’」』）)]*)$")
_CAPTION_MARK = re.compile(r"^(?:图[①-⑳\d]+|图为)\s*")
# An opening clause that only says when: 近日，/ 2018年，/ 4月7日上午，/ 今年以来，
_TIME_CLAUSE = re.compile(r"^[\d年月日号今去近前来以期间上下午晚时许初底中旬夕至—-]{2,12}[，,]\s*")


def ends_statement(line: str) -> bool:
    """Ends as a sentence of the body does; a title may end with ？ or ！ (执行难，难在哪？)."""
    s = line.rstrip()
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return ends_terminal(line) and not s.endswith(("？", "！", "?", "!"))


def _bare(line: str) -> str:
    return _MARKS.sub("", line).strip()


@lru_cache(maxsize=4096)
def dateline_end(text: str) -> int:
    """Where the dateline opening `text` ends, with the reporters in brackets after it (0: none).
    What it names (安徽法治报讯, 湖南日报12月1日讯) is the outlet, not the story. Several
    extractors ask of each sentence: cached."""
    m = _DATELINE_HEAD.match(text)
    return m.end() if m else 0


def is_dateline(line: str) -> bool:
    """A line that is only a dateline (本报北京4月7日讯, 新华社北京4月7日电 …)."""
    m = _DATELINE_HEAD.match(_bare(line))
    return m is not None and m.end() == len(_bare(line))


def is_credit(line: str) -> bool:
    """A byline or photo credit: 本报记者 张三, 封面新闻记者 陈某, （记者 李四 摄）."""
    bare = _bare(line)
    if not _CREDIT.search(bare) or len(bare) > 40:
        return False
    return not any(c in bare for c in "，。！？；") or bare.endswith(("摄", "摄）", "摄)"))


def is_metadata(line: str) -> bool:
    """A web page's metadata line (来源：陕西日报, 作者：…, 发布时间：…): a credit, which names
    no region and no institution of the story."""
    return METADATA_LINE.search(_bare(line)) is not None


def is_label(line: str) -> bool:
    """A column, series or navigation label, an editor's note heading or a metadata line."""
    bare = _bare(line)
    marked = bare != line.strip()
    if _NAVIGATION.search(bare) or _NOTE.match(bare) or _BRACKETED.match(bare) or METADATA_LINE.search(bare):
        return True
    return marked and len(bare) <= _LABEL_CHARS and (not line.startswith("#") or bool(_HEADING.match(line)))


def is_title_line(line: str) -> bool:
    """A line that can be (part of) a title: short, not a sentence, not a label or credit."""
    bare = _bare(line)
    if not bare or len(bare) > MAX_TITLE or ends_statement(bare) or bare.endswith(("：", ":")):
        return False
    if "。" in bare or bare.count("，") > 1:
        return False
    return not (is_dateline(bare) or is_credit(bare) or is_label(line))


def title_from_lines(lines: list[str]) -> str:
    """The headline among an article's opening lines (before its first body paragraph):
    its title lines, with kicker and subtitle, joined by a space; "" when none."""
    parts = [_bare(t) for t in lines if is_title_line(t)]
    # a subtitle (——…) only follows a title
    while parts and _SUBTITLE.match(parts[0]):
        parts.pop(0)
    return " ".join(parts)


def lead_headline(sentences: list[str]) -> str:
    """A stand-in headline: the first sentence that is not a dateline, credit, label or
    exclamation, without its dateline, caption mark or opening time clause (近日，), cut at a
    clause break to at most MAX_LEAD characters ("…" marks a cut)."""
    for s in sentences:
        text = s.strip()
        if not text or is_dateline(text) or is_credit(text) or is_label(text):
            continue
        text = _DATELINE_HEAD.sub("", _bare(text), count=1)
        text = _CAPTION_MARK.sub("", text).strip()
        text = _TIME_CLAUSE.sub("", text, count=1)
        text = _TERMINAL_TAIL.sub(r"\1", text)  # the full stop goes, a closing quote stays
        if len(text) < MIN_LEAD:
            continue
        if len(text) > MAX_LEAD:
            window = text[: MAX_LEAD + 1]
            cuts = [m.start() for m in _CLAUSE_BREAK.finditer(window) if m.start() >= MIN_LEAD_CLAUSE]
            text = (window[: cuts[-1]] if cuts else text[:MAX_LEAD]) + "…"
        return text + "”" * (text.count("“") - text.count("”"))  # a quote cut open is closed
    return ""
