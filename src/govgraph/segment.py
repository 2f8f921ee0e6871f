"""Split clean text into articles (headline, byline, body) and sentences.

A page may hold several articles. A byline paragraph (``□ 本报记者 …``) or a top-level
markdown heading opens a new article; the short, unpunctuated paragraphs just before a
byline are its headline. Without such markers the page is one article.
"""

from __future__ import annotations

import io
import re
import sys
from bisect import bisect_right
from functools import lru_cache
from math import log
from operator import itemgetter

from .headline import MAX_TITLE, ends_statement, is_metadata, lead_headline, title_from_lines
from .normalize import CleanText, ends_terminal
from .pos_viterbi import PosViterbi
from .records import Article, Sentence

BYLINE = re.compile(r"^(□|■)?\s*(本报(记者|通讯员)|记者|通讯员)")
TOP_HEADING = re.compile(r"^#\s")
HEADING_MARKS = re.compile(r"^#{1,6}\s+")
# Sentence ends: terminal punctuation, with any closing quotes that follow it; that is
#   [。！？!?；;]+[”’」』）)]*|……[”’」』]*|(?<=[\u4e00-\u9fff%])\.(?=[\u4e00-\u9fff“"”’」』）)\s]|$)[”’」』）)]*
# (the last: an ASCII full stop after a Chinese word or a percentage, as outlets writing ASCII punctuation use it
# (…调解方案.截至今年6月; 3.5% and No.1 are no ends)), written to start with one character class,
# which lets `re` skip ahead to the candidates instead of trying each branch at every character
# (twice as fast on long paragraphs).
SENTENCE_END = re.compile(
    r"[。！？!?；;….](?:(?<=…)…[”’」』]*"
    r"|(?<=[\u4e00-\u9fff%]\.)(?=[\u4e00-\u9fff“\"”’」』）)\s]|$)[”’」』）)]*"
    r"|(?<![….])[。！？!?；;]*[”’」』）)]*)"
)


_jieba_ready: list[bool] = []  # set once jieba is quiet and its dictionary loaded, per process


def _ready_jieba():
    """jieba, with its start-up chatter silenced (it logs to stderr) and its dictionary loaded."""
    if not _jieba_ready:
        import logging

        loaded = _import_jieba()
        loaded.setLogLevel(logging.WARNING)
        _load_dictionary_cache(loaded.dt)
        _route_faster(loaded.dt)
        _jieba_ready.append(True)
    import jieba

    return jieba


def jieba_cut(text: str) -> list[str]:
    """jieba's word list."""
    return _ready_jieba().lcut(text)


def in_jieba_block(ch: str) -> bool:
    """jieba cuts a text into blocks of Han characters, letters, digits and a few signs before it looks
    for words, so no word runs across a character outside them (punctuation, a space)."""
    return _ready_jieba().re_han_default.match(ch) is not None


def _import_jieba():
    """jieba, imported without setuptools' pkg_resources (80 ms, and deprecated): jieba
    reads its data files through it when it can, and opens the same files by path when the
    import fails. Unless something loaded pkg_resources already, the import is made to fail
    while jieba loads, and only then."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import` raises ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _load_dictionary_cache(dt) -> None:
    """Initialise jieba's default tokenizer from jieba's own dictionary cache, read whole.

    `jieba.initialize` hands `marshal.load` the open file, which then reads it a few bytes
    at a time: 1.0 s, against 0.25 s for `marshal.loads` of the bytes. The same file, the
    same tables; anything unusual (another dictionary, no cache yet, a damaged cache) is
    left to jieba, which builds the cache as before."""
    import marshal
    import os
    import tempfile

    if dt.initialized or dt.dictionary is not None or dt.cache_file:
        return
    path = os.path.join(dt.tmp_dir or tempfile.gettempdir(), "jieba.cache")  # as jieba names it
    try:
        with open(path, "rb") as f:
            freq, total = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return
    if not isinstance(freq, dict):
        return
    with dt.lock:
        if not dt.initialized:
            dt.FREQ, dt.total = freq, total
            dt.initialized = True


def _route_faster(dt) -> None:
    """jieba's word graph of a block (get_DAG) and its best path (calc), as jieba writes them but with the
    dictionary's look-ups bound and asked once a step, and the path's maximum found by a loop instead of
    max() over a generator: the same graph and path, the same floating-point sums (the jieba cut of the
    windows around names, and posseg, ask for them)."""
    cls = type(dt)
    if getattr(cls.get_DAG, "__module__", None) != "jieba" or getattr(cls.calc, "__module__", None) != "jieba":
        return  # another jieba, or one changed already: left as it is
    if "get_DAG" in vars(dt) or "calc" in vars(dt):
        return
    check = dt.check_initialized

    def get_DAG(sentence):
        check()
        get = dt.FREQ.get
        dag = {}
        n = len(sentence)
        for k in range(n):
            ends = []
            i, frag = k, sentence[k]
            while i < n:
                f = get(frag)
                if f is None:
                    break
                if f:
                    ends.append(i)
                i += 1
                frag = sentence[k : i + 1]
            dag[k] = ends or [k]
        return dag

    def calc(sentence, DAG, route):
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = log(dt.total)
        get = dt.FREQ.get
        for idx in range(n - 1, -1, -1):
            best = None
            for x in DAG[idx]:
                step = (log(get(sentence[idx : x + 1]) or 1) - logtotal + route[x + 1][0], x)
                if best is None or step > best:
                    best = step
            route[idx] = best

    dt.get_DAG, dt.calc = get_DAG, calc


def word_frequency(word: str) -> int:
    """How often jieba's dictionary counts `word` (0 for a word it does not know)."""
    return _ready_jieba().dt.FREQ.get(word) or 0


@lru_cache(maxsize=65536)
def jieba_pos(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's (word, part-of-speech tag) pairs (short name runs repeat: cached)."""
    return tuple((p.word, p.flag) for p in _posseg().lcut(text))


@lru_cache(maxsize=1)
def _posseg():
    """jieba.posseg, with its table of word tags read from jieba's own dictionary whole.

    Importing jieba.posseg reads every word's tag from the dictionary a line at a time (0.2 s);
    the file read whole and split on white space gives the same table in half the time. The
    import is handed an empty file, and the table filled after it. Another dictionary, or one
    whose lines do not all hold a word, a count and a tag, is left to jieba."""
    jieba = _ready_jieba()
    dt = jieba.dt
    if "jieba.posseg" in sys.modules or dt.dictionary is not None:
        import jieba.posseg

        _search_runs_faster(jieba.posseg)  # (the same tags, whoever imported it first)
        return jieba.posseg
    dt.get_dict_file = io.BytesIO  # type: ignore[method-assign]  # for the import only
    try:
        import jieba.posseg as posseg
    finally:
        del dt.get_dict_file
    with dt.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()
    if len(fields) % 3 == 0:
        posseg.dt.word_tag_tab = dict(zip(fields[0::3], fields[2::3]))
    else:
        posseg.dt.load_word_tag(dt.get_dict_file())
    _keep_run_tags(posseg.POSTokenizer)
    _search_runs_faster(posseg)
    return posseg


def _search_runs_faster(posseg) -> None:
    """posseg's Viterbi search for the tags of a run it does not know, as `pos_viterbi` writes it: the
    same tags, from a tenth of the pairs of states (a third of the time)."""
    search, table = getattr(posseg, "viterbi", None), getattr(posseg, "trans_P", None)
    if callable(search) and getattr(search, "__module__", None) == "jieba.posseg.viterbi" and isinstance(table, dict):
        posseg.viterbi = PosViterbi(table, search)  # (another jieba, or one changed already: left as it is)


def _keep_run_tags(tokenizer) -> None:
    """posseg tags a run of characters its dictionary does not know (潭门镇, 将某) by a Viterbi search
    written in Python: 0.35 ms for four characters, most of posseg's time. The windows the rules ask
    about overlap, and a third of the runs recur: each run's words and tags, which depend on the run
    alone, are kept."""
    tag_run = getattr(tokenizer, "_POSTokenizer__cut_detail", None)
    if tag_run is None:  # another jieba: left as it is
        return

    @lru_cache(maxsize=8192)
    def kept(self, run: str) -> tuple:
        return tuple(tag_run(self, run))

    tokenizer._POSTokenizer__cut_detail = kept


def is_byline(par: str) -> bool:
    """A credit opening an article (本报记者 张三); an interviewer's question (记者：…？) is none."""
    return bool(BYLINE.match(par)) and len(par) <= 60 and not any(c in par for c in "，。？?")


def looks_like_headline(par: str) -> bool:
    par = HEADING_MARKS.sub("", par)
    return 0 < len(par) <= 40 and not ends_terminal(par) and "，" not in par


def split_articles(clean: CleanText) -> list[tuple[int, int, str, str]]:
    """Return (clean_start, clean_end, headline, byline) per article."""
    pars = [(a, b, clean.text[a:b]) for a, b in clean.paragraphs]
    if not pars:
        return []
    starts: list[int] = []  # paragraph indices that open an article
    for i, (_, _, t) in enumerate(pars):
        if is_byline(t):
            # the headline paragraphs right before the byline belong to this article
            j = i
            while j > 0 and looks_like_headline(pars[j - 1][2]) and i - j < 3 and not is_byline(pars[j - 1][2]):
                j -= 1
            starts.append(j)
        elif TOP_HEADING.match(t):
            starts.append(i)
    starts = sorted(set(starts))
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    # merge consecutive starts that have no body between them (several bylines in a row)
    merged: list[int] = []
    for s in starts:
        if merged and all(is_byline(pars[k][2]) or looks_like_headline(pars[k][2]) for k in range(merged[-1], s)):
            continue
        merged.append(s)
    out = []
    for n, s in enumerate(merged):
        e = merged[n + 1] if n + 1 < len(merged) else len(pars)
        head_lines, byline_parts = [], []
        for k in range(s, e):
            t = pars[k][2]
            if is_byline(t):
                byline_parts.append(t)
            elif not byline_parts and k - s < MAX_HEAD_LINES and _head_like(t):
                head_lines += _original_lines(clean, pars[k][0], pars[k][1])
            else:
                break
        out.append((pars[s][0], pars[e - 1][1], title_from_lines(head_lines), " ".join(byline_parts)))
    return out


MAX_HEAD_LINES = 4  # paragraphs before the byline that can hold labels, kicker, title and subtitle


def _head_like(par: str) -> bool:
    """A paragraph of an article's head: short and not a sentence (one comma allowed)."""
    return 0 < len(par) <= 2 * MAX_TITLE and not ends_statement(par) and par.count("，") <= 1


def _original_lines(clean: CleanText, start: int, end: int) -> list[str]:
    """The clean paragraph clean.text[start:end] cut where the original text broke the line
    (a kicker and a title on two lines make one paragraph once unwrapped)."""
    text, origin = clean.text, clean.origin
    lines, a = [], start
    for i in range(start + 1, end):
        if "\n" in clean.original[origin[i - 1] + 1 : origin[i]]:
            lines.append(text[a:i])
            a = i
    lines.append(text[a:end])
    return [t.strip() for t in lines if t.strip()]


# Evidence quotes its sentence; a "sentence" with no end in sight (a page dump with no
# punctuation) is cut at a clause break, so no evidence carries a whole file along.
MAX_SENTENCE = 400
CLAUSE_BREAK = re.compile(r"[，、；：,;:）)”」]")
NON_SPACE = re.compile(r"\S")  # (what str.strip() keeps: re's white space for str is str's)


def _bounded(text: str, s: int, e: int):
    """Split text[s:e] into pieces of at most MAX_SENTENCE characters, at clause breaks."""
    while e - s > MAX_SENTENCE:
        window = text[s : s + MAX_SENTENCE]
        cut = max((m.end() for m in CLAUSE_BREAK.finditer(window)), default=0)
        if cut < MAX_SENTENCE // 4:
            cut = MAX_SENTENCE
        yield s, s + cut
        s += cut
    yield s, e


def split_sentences(clean: CleanText, start: int, end: int, article: int, first_index: int) -> list[Sentence]:
    """Sentences of clean[start:end]; a paragraph break always ends a sentence."""
    out: list[Sentence] = []
    paragraphs = clean.paragraphs
    # paragraphs come in order: start at the first one that ends after `start` (a page of
    # many articles would otherwise walk all its paragraphs for each article)
    k = bisect_right(paragraphs, start, key=itemgetter(1))
    for pa, pb in paragraphs[k:]:
        if pa >= end:
            break
        a, b = max(pa, start), min(pb, end)
        text = clean.text[a:b]
        pos = 0
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        if not ends or ends[-1] < len(text):
            ends.append(len(text))
        for stop in ends:
            if stop - pos <= MAX_SENTENCE:  # the common case, without the generator
                _emit(clean, text, a, pos, stop, article, first_index + len(out), out)
            else:
                for s, e in _bounded(text, pos, stop):
                    _emit(clean, text, a, s, e, article, first_index + len(out), out)
            pos = stop
    return out


def _emit(clean, text, base, s, e, article, index, out):
    # trim spaces so offsets land on the first and last real characters
    piece = text[s:e]
    trimmed = piece.strip()
    if not trimmed:
        return
    if len(trimmed) < len(piece):
        s += len(piece) - len(piece.lstrip())
        e = s + len(trimmed)
    if NON_SPACE.search(text, 0, s) is None and is_metadata(trimmed):  # (only white space before it)
        return  # a paragraph opening with 来源：… is the page's credits, not the story
    o_start, o_end = clean.span(base + s, base + e)
    out.append(Sentence(index=index, article=article, text=trimmed, clean_start=base + s, start=o_start, end=o_end))


DATELINE = re.compile(r"(?:本报|新华社)?\S{0,8}?(\d{4})年(\d{1,2})月(\d{1,2})日(?:讯|电)")


def article_date(art: Article) -> str | None:
    """The dateline's date (本报北京2025年4月7日讯) when it names the year; else None."""
    for text in [art.headline, art.byline] + [s.text for s in art.sentences[:3]]:
        if not text or "年" not in text:  # the search is slow, and a dateline needs a 年
            continue
        m = DATELINE.search(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


LEAD_SENTENCES = 8  # sentences searched for a stand-in headline (past datelines, bylines, labels)


def segment(clean: CleanText, first_article: int = 0) -> list[Article]:
    """Articles and their sentences; articles are numbered from `first_article` (a part of
    a big file goes on from the parts before it)."""
    articles: list[Article] = []
    n = 0
    for i, (a, b, headline, byline) in enumerate(split_articles(clean), start=first_article):
        art = Article(index=i, headline=headline, byline=byline, clean_start=a, clean_end=b)
        art.sentences = split_sentences(clean, a, b, i, n)
        art.date = article_date(art)
        if not art.headline:
            art.headline = lead_headline([s.text for s in art.sentences[:LEAD_SENTENCES]])
            art.headline_from_lead = bool(art.headline)
        n += len(art.sentences)
        articles.append(art)
    return articles
