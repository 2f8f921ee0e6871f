"""Headlines: an article's title lines, never its dateline, byline or a label; a stand-in
from the lead when there is no title line. Invented texts, then the bundled sample pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.headline import is_credit, is_dateline, is_label, lead_headline, title_from_lines
from govgraph.normalize import unwrap
from govgraph.segment import segment

BODY = (
    "　　近日，某县人民法院召开新闻发布会，通报执行工作情况。\n\n"
    "　　会上介绍，今年以来共执结案件三百件。\n\n"
    "　　该院还推行繁简分流，审判质效持续提升。\n\n"
    "　　下一步，该院将继续深化执行改革。\n"
)

# (page text, headline, headline_from_lead)
PAGES = [
    # a title, then the byline
    ("某县法院深化执行改革\n\n□ 本报记者 张三\n\n" + BODY, "某县法院深化执行改革", False),
    # kicker and title on two lines of one block: both, with a space
    ("百名干警下基层\n某市推进基层治理\n\n□ 本报记者 张三\n\n" + BODY, "百名干警下基层 某市推进基层治理", False),
    # a markdown title and a column label under it
    ("# 某省法院破解执行难\n\n## 平安聚焦\n\n□ 本报记者 张三\n\n" + BODY, "某省法院破解执行难", False),
    # a series label in brackets, the title and a subtitle
    (
        "【法治护航行】\n\n某区智慧矫正见成效\n\n——某区矫正中心探访记\n\n" + BODY,
        "某区智慧矫正见成效 ——某区矫正中心探访记",
        False,
    ),
    # a question as the title
    ("执行难，难在哪？\n\n" + BODY, "执行难，难在哪？", False),
    # a web page: the title, then its source and date lines
    ("某县法院深化执行改革\n\n来源：某某日报\n\n2024-05-01 10:20\n\n" + BODY, "某县法院深化执行改革", False),
    # a title with one comma
    ("某镇法律服务中心揭牌，职工维权更便捷\n\n" + BODY, "某镇法律服务中心揭牌，职工维权更便捷", False),
    # the dateline is never the headline: the lead stands in, its time clause dropped
    ("本报北京4月7日讯\n\n□ 本报记者 张三\n\n" + BODY, "某县人民法院召开新闻发布会，通报执行工作情况", True),
    # a byline only
    ("□ 本报记者 张三\n\n" + BODY, "某县人民法院召开新闻发布会，通报执行工作情况", True),
    # a column label marked ■ and an editor's note heading are not titles
    ("■法庭素描\n\n" + BODY, "某县人民法院召开新闻发布会，通报执行工作情况", True),
    ("编者按：\n\n" + BODY, "某县人民法院召开新闻发布会，通报执行工作情况", True),
    # a news-agency dateline with its reporter opens the first sentence: it goes
    (
        "新华社某市8月19日电（记者 李四）某县司法局推行法律援助便民措施，群众办事更方便。\n",
        "某县司法局推行法律援助便民措施，群众办事更方便",
        True,
    ),
    # a long lead is cut at a clause break, marked with …
    (
        "某市中级人民法院聚焦执行难题，创新构建三位一体工作体系，取得显著成效，获得群众好评。\n",
        "某市中级人民法院聚焦执行难题，创新构建三位一体工作体系…",
        True,
    ),
    # an exclamation does not stand in; a quote cut open is closed
    ("“咚！”法槌敲响，某法院开庭审理一起案件。\n", "法槌敲响，某法院开庭审理一起案件", True),
]


@pytest.mark.parametrize("text, headline, from_lead", PAGES)
def test_headline_of_an_invented_page(text, headline, from_lead):
    (art,) = segment(unwrap(text))
    assert (art.headline, art.headline_from_lead) == (headline, from_lead)


LINES = [
    # (line, dateline, credit, label)
    ("本报北京4月7日讯", True, False, False),
    ("新华社北京2025年4月7日电", True, False, False),
    ("本报讯", True, False, False),
    ("安徽法治报讯", True, False, False),  # an outlet and 讯, without a date
    ("中国法院网讯（记者 张三）", True, True, False),  # a dateline with its credit
    ("中央纪委国家监委网站讯", True, False, False),  # a website's name, longer, and 网站讯
    ("浙江省高级人民法院网讯", True, False, False),
    ("某某法院网站建设取得成效", False, False, False),  # no 讯: a sentence
    ("清城区开展环境卫生整治行动本报讯", False, False, False),  # a headline run into 本报讯: not all the outlet
    ("4月7日，最高人民法院召开新闻发布会", False, False, False),
    ("□ 本报记者 张三 □ 本报通讯员 李四", False, True, False),
    ("某某新闻记者 王五", False, True, False),
    ("本报记者 黄六 本报通讯员 刘七 摄", False, True, False),
    ("记者从发布会上了解到，执行工作稳中向好。", False, False, False),
    ("## 平安聚焦", False, False, True),
    ("■法庭素描", False, False, True),
    ("上接第一版", False, False, True),
    ("【法治护航行】", False, False, True),
    ("来源：某某日报", False, False, True),
    ("发布时间：2024-05-01 10:20", False, False, True),
    ("2024-05-01", False, False, True),
    ("## 北仑检察化身抗疫“镖师”", False, False, False),
    ("交叉执行逐步常态化长效化", False, False, False),
]


@pytest.mark.parametrize("line, dateline, credit, label", LINES)
def test_line_kinds(line, dateline, credit, label):
    assert (is_dateline(line), is_credit(line), is_label(line)) == (dateline, credit, label)


def test_title_needs_a_title_line_and_a_subtitle_only_follows_one():
    assert title_from_lines(["本报北京4月7日讯", "□ 本报记者 张三"]) == ""
    assert title_from_lines(["——某中心探访记"]) == ""
    assert title_from_lines(["编者按：", "某县法院"]) == "某县法院"


def test_no_lead_in_datelines_and_bylines_alone():
    assert lead_headline(["本报北京4月7日讯", "□ 本报记者 张三"]) == ""


SAMPLES = [
    Path(__file__).resolve().parents[1] / "src" / "govgraph" / "data" / "corpus",
]


def _sample_articles():
    for folder in SAMPLES:
        for f in sorted(folder.glob("*.txt")):
            yield f.name, segment(unwrap(f.read_text(encoding="utf-8")))


def test_every_sample_article_has_a_headline_and_none_is_a_dateline_or_byline():
    found = 0
    for name, articles in _sample_articles():
        for a in articles:
            found += 1
            assert a.headline, (name, a.index)
            assert not is_dateline(a.headline) and not is_credit(a.headline), (name, a.index, a.headline)
            assert "讯" not in a.headline[:12] or not a.headline.startswith("本报"), (name, a.index)
    assert found >= 15


def test_sample_titles_come_from_title_lines():
    heads = {(name, a.index): (a.headline, a.headline_from_lead) for name, arts in _sample_articles() for a in arts}
    # the samples' own title lines (kicker and title on two lines; a title above a column label)
    assert heads[("000_7d7087cbf997c871.txt", 0)] == (
        "972名机关民警到派出所“墩苗” 周口强力推进派出所建设提升基层平安指数",
        False,
    )
    assert heads[("003_1a65d64bf36f84fe.txt", 0)] == ("全力兑现当事人胜诉权益 贵州法院深化执源治理破解“执行难”", False)
    assert heads[("004_ab7b0f57302c5d81.txt", 0)] == ("新疆综源治理高效推进破解执行难", False)
    # no title line above the byline: a stand-in from the lead, never the dateline
    headline, from_lead = heads[("001_2702f03e66fac9c9.txt", 1)]
    assert from_lead and "本报北京" not in headline
    assert heads[("001_2702f03e66fac9c9.txt", 0)][1] and heads[("002_79b23406edc23697.txt", 0)][1]
