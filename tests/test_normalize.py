"""Normalising page dumps: unwrapping lines, keeping a map back to the original offsets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govgraph.normalize import normalize_chars, unwrap
from govgraph.reader import bundled_corpus, read
from govgraph.segment import segment


def fold(s):
    return normalize_chars(s)[0]


CASES = [
    # (page, paragraphs after unwrapping)
    (
        "　　为充分激发效能，有效破\n\n解执行实践难题。\n\n　　数据显示，全国法院",
        ["为充分激发效能，有效破解执行实践难题。", "数据显示，全国法院"],
    ),
    ("　　荆州法院创新构建\n机制。\n　　第二段。", ["荆州法院创新构建机制。", "第二段。"]),
    (
        "交叉执行是最高人民法院贯彻落\n实党的精神。\n\n荆州法院创新构建“精准攻坚”体\n系，取得成效。",
        ["交叉执行是最高人民法院贯彻落实党的精神。", "荆州法院创新构建“精准攻坚”体系，取得成效。"],
    ),
    (
        "# 标题\n\n□ 本报记者 王鹤霖\n\n近日，贵州省仁怀市人民法院通过执前督促程序。",
        ["# 标题", "□ 本报记者 王鹤霖", "近日，贵州省仁怀市人民法院通过执前督促程序。"],
    ),
    # a line that starts with a comma continues the one before it, even across a blank line
    ("疏勒县人民法院逐渐探索形成基层综合治\n\n理、平安创建。", ["疏勒县人民法院逐渐探索形成基层综合治理、平安创建。"]),
    ("ＡＢ１２３％\r\n", ["AB123%"]),
    # a headline, a long paragraph and a short one, a line each: the median line is the headline, no full line
    (
        "湖南株洲：“法官进网格”让矛盾纠纷就地化解\n"
        "株洲市芦淞区人民法院深入推进“法官进网格”工作，选派46名法官、法官助理对接全区124个网格，"
        "定期开展法律咨询和纠纷化解。\n株洲市中级人民法院在全市推广。",
        [
            "湖南株洲：“法官进网格”让矛盾纠纷就地化解",
            "株洲市芦淞区人民法院深入推进“法官进网格”工作，选派46名法官、法官助理对接全区124个网格，"
            "定期开展法律咨询和纠纷化解。",
            "株洲市中级人民法院在全市推广。",
        ],
    ),
    # one paragraph a line, short ones: a headline as long as they are is a paragraph of its own
    (
        "广东佛山南海区：“村居法律顾问”让群众家门口享法律服务\n"
        "南海区司法局深入推进公共法律服务体系建设，实现村居法律顾问全覆盖。\n"
        "一是建立“1+1+N”服务模式；\n二是实行法律顾问服务清单制度；\n三是推行“互联网+法律服务”。\n"
        "今年以来，村居法律顾问共提供法律咨询1.6万人次。",
        [
            "广东佛山南海区：“村居法律顾问”让群众家门口享法律服务",
            "南海区司法局深入推进公共法律服务体系建设，实现村居法律顾问全覆盖。",
            "一是建立“1+1+N”服务模式；",
            "二是实行法律顾问服务清单制度；",
            "三是推行“互联网+法律服务”。",
            "今年以来，村居法律顾问共提供法律咨询1.6万人次。",
        ],
    ),
    # …but a line that stops at a comma runs on into the next
    (
        "第一段写完了。\n第二段也写完了。\n第三段写到这里，\n接着写完。\n第四段。",
        ["第一段写完了。", "第二段也写完了。", "第三段写到这里，接着写完。", "第四段。"],
    ),
]


@pytest.mark.parametrize("page, paragraphs", CASES)
def test_unwrap_table(page, paragraphs):
    c = unwrap(page)
    assert [c.text[a:b] for a, b in c.paragraphs] == paragraphs


@pytest.mark.parametrize("page, _", CASES)
def test_every_clean_character_maps_back(page, _):
    c = unwrap(page)
    for i, ch in enumerate(c.text):
        if ch != "\n":
            assert fold(page[c.origin[i]]) == ch


def test_span_of_word_broken_across_blank_line():
    page = "　　为充分激发交叉执行制度效能，有效破\n\n解执行实践难题、解决人民群众急难愁盼问\n\n题。"
    c = unwrap(page)
    i = c.text.index("破解")
    s, e = c.span(i, i + 2)
    assert page[s:e] == "破\n\n解"


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_normalize_chars_is_idempotent(s):
    once = fold(s)
    assert fold(once) == once


# folded (Ａ１), dropped (NUL, zero-width, BOM) and line-ending (CR) characters among text
@given(
    st.text(
        alphabet=st.sampled_from(list("执行法院。，\n\n\r　 \x00\u200b\ufeff\u00a0\tＡＢ１２“”#□图①")), max_size=200
    )
)
@settings(max_examples=500, deadline=None)
def test_offsets_point_at_their_characters(s):
    c = unwrap(s)
    assert len(c.origin) == len(c.text)
    assert c.origin == sorted(c.origin)
    for i, ch in enumerate(c.text):
        if ch != "\n":
            assert fold(s[c.origin[i]]) == ch


def test_samples_split_into_articles_with_bylines():
    src = read(bundled_corpus()[0])
    arts = segment(unwrap(src.text))
    assert len(arts) >= 2
    assert arts[0].byline.startswith("□ 本报记者")
    # sentence offsets point at the sentence in the original text
    for a in arts:
        for s in a.sentences:
            original = "".join(fold(src.text[s.start : s.end]).split())
            assert original == "".join(s.text.split())


def test_endless_sentence_is_cut_at_clause_breaks():
    from govgraph.segment import MAX_SENTENCE

    text = "　　" + "荆州市中级人民法院推行交叉执行，" * 100 + "\n"
    arts = segment(unwrap(text))
    sentences = [s.text for a in arts for s in a.sentences]
    assert len(sentences) > 1
    assert all(len(s) <= MAX_SENTENCE for s in sentences)
    assert all(s.endswith("，") for s in sentences[:-1])  # cut after a clause, not inside a word
    assert "".join(sentences) == text.strip()


def test_dropped_characters_and_crlf():
    page = "\ufeff　　第一\x00段，有效破\r\n\r\n解\u200b难题。\r\n　　第二段。"
    text, keep = normalize_chars(page)
    assert isinstance(keep, list) and len(keep) == len(text)
    c = unwrap(page)
    assert [c.text[a:b] for a, b in c.paragraphs] == ["第一段，有效破", "解难题。", "第二段。"]
    i = c.text.index("解")
    assert page[slice(*c.span(i, i + 2))] == "解\u200b难"


def test_width_counts_cjk_twice():
    from govgraph.normalize import _width

    assert _width("") == 0
    assert _width("ab中文…") == 7  # … is not a CJK character
    assert _width("𠀀") == 2


@given(st.text(alphabet=st.sampled_from(list("。！？!?；;…”’」』）)》a，.文%“ ")), max_size=30))
@settings(max_examples=500, deadline=None)
def test_sentence_end_is_its_plain_form(s):
    import re

    from govgraph.segment import SENTENCE_END

    plain = re.compile(
        r"[。！？!?；;]+[”’」』）)]*|……[”’」』]*"
        r"|(?<=[\u4e00-\u9fff%])\.(?=[\u4e00-\u9fff“\"”’」』）)\s]|$)[”’」』）)]*"
    )
    assert [m.span() for m in SENTENCE_END.finditer(s)] == [m.span() for m in plain.finditer(s)]


def test_many_articles_keep_their_sentences():
    page = "".join(
        f"第{i}篇标题\n\n□ 本报记者 王{i}\n\n　　正文第{i}篇，有效破解执行难题。又一句！\n\n" for i in range(60)
    )
    clean = unwrap(page)
    arts = segment(clean, first_article=5)
    assert [a.index for a in arts] == list(range(5, 65))
    assert [s.index for a in arts for s in a.sentences] == list(range(240))
    for i, a in enumerate(arts):
        assert (a.headline, a.byline) == (f"第{i}篇标题", f"□ 本报记者 王{i}")
        assert [s.text for s in a.sentences][2:] == [f"正文第{i}篇，有效破解执行难题。", "又一句！"]
        assert all(a.clean_start <= s.clean_start < a.clean_end for s in a.sentences)


def test_jieba_dictionary_cache_read_whole_gives_jiebas_own_tables(tmp_path):
    import jieba

    from govgraph.segment import _load_dictionary_cache

    own = jieba.Tokenizer()
    own.tmp_dir = str(tmp_path)
    own.initialize()  # builds the dictionary and writes jieba.cache in tmp_path
    assert (tmp_path / "jieba.cache").exists()
    fast = jieba.Tokenizer()
    fast.tmp_dir = str(tmp_path)
    _load_dictionary_cache(fast)
    assert fast.initialized and fast.total == own.total and fast.FREQ == own.FREQ
    assert fast.lcut("荆州市中级人民法院推进交叉执行") == own.lcut("荆州市中级人民法院推进交叉执行")

    (tmp_path / "jieba.cache").write_bytes(b"not marshal data")
    damaged = jieba.Tokenizer()
    damaged.tmp_dir = str(tmp_path)
    _load_dictionary_cache(damaged)
    assert not damaged.initialized  # left to jieba, which rebuilds the cache
    custom = jieba.Tokenizer(str(tmp_path / "my_dict.txt"))
    _load_dictionary_cache(custom)
    assert not custom.initialized  # another dictionary: jieba's own way


def test_an_ascii_full_stop_after_chinese_ends_a_sentence_and_a_paragraph():
    # outlets writing ASCII punctuation end sentences with "."; 3.5% and No.1 hold no end
    page = "该院推行调解方案.截至6月,成功率达47.3%,时长缩短35%.\n该院还共建中心.比率为3.5%.No.1法院。\n"
    texts = [s.text for a in segment(unwrap(page)) for s in a.sentences]
    assert texts == [
        "该院推行调解方案.",
        "截至6月，成功率达47.3%，时长缩短35%.",  # commas by Chinese take the full-width form
        "该院还共建中心.",
        "比率为3.5%.No.1法院。",
    ]
