"""Metric labels are clean noun phrases (执行到位率, 诉前化解纠纷数), never sentence fragments
(关部门发出检察建议数, 去年全年分别增长4.19%和, 第五批）): on the sample build, on the shared
articles when they are present, and as a table of repairs (extract/metric_repair.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from govgraph.extract.metric_repair import fragment_reason, repair
from govgraph.extract.metrics import metric_label
from govgraph.extract.quantities import find_quantities
from govgraph.pipeline import process, to_json
from govgraph.reader import Source

SHARED_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
PUNCTUATION = re.compile(r"[，。、；：？！“”‘’（）()《》【】,.;:?!\"'\s…—+%/-]")
# a noun phrase neither opens nor ends with these (checked by character, apart from jieba)
OPENERS = tuple("的了着就都也还又更已把将被对与及或等之其该这那")
CLOSERS = tuple("的了着和及与或等在对把将被")


def label_problem(label: str) -> str | None:
    """Why a label is not clean, by plain checks (length, punctuation, figures, loose ends)."""
    if not 2 <= len(label) <= 16:
        return f"length {len(label)}"
    if PUNCTUATION.search(label):
        return "punctuation"
    if find_quantities(label):
        return "a figure"
    if label.startswith(OPENERS) or label.endswith(CLOSERS):
        return "a loose end"
    return None


def _labels(extraction: dict) -> list[tuple[str, str]]:
    return [(q["text"], q["metric"]) for q in extraction["quantities"]]


def test_metric_labels_on_the_sample_build_are_clean(built):
    found = [
        (path.stem, text, label)
        for path in sorted((built / "extractions").glob("*.json"))
        for text, label in _labels(json.loads(path.read_text(encoding="utf-8")))
    ]
    assert len(found) > 100
    bad = [(doc, text, label, label_problem(label) or fragment_reason(label)) for doc, text, label in found]
    assert [b for b in bad if b[3] and not _generic(b[2])] == []


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_metric_labels_on_the_shared_articles_are_clean():
    bad = []
    for path in sorted(SHARED_CORPUS.glob("d*.txt")):
        x = to_json(
            process(Source(name=path.name, path=str(path), text=path.read_text(encoding="utf-8"), encoding="utf-8"))
        )
        bad += [(path.stem, t, label, label_problem(label)) for t, label in _labels(x) if label_problem(label)]
    assert bad == []


def _generic(label: str) -> bool:
    return label in {"金额", "比率", "用时", "人次", "数量", "部门数", "单位数", "面积", "长度", "重量"}


REPAIRS = [
    # sentence, figure, label
    ("民警成功拦截了该女子即将被骗的资金30万元", "30万元", "拦截资金金额"),
    ("截至目前，全市共处置预警信息300条", "300条", "处置预警信息数"),
    ("全州共摸排各类矛盾纠纷746件", "746件", "摸排矛盾纠纷数"),
    ("劝阻群众120万人次，返还被骗资金15.6亿元", "15.6亿元", "返还被骗资金金额"),  # 被骗资金 is one noun
    ("受理来信来访1.8万件次，按期办结率达99.2%", "99.2%", "按期办结率"),  # 按期 belongs to the rate
    ("刑事案件数较去年同期下降18.2%", "18.2%", "刑事案件数同比下降"),
    ("全县信访总量比2003年减少57%", "57%", "信访总量减少"),
    ("如今这里已经种植了300亩油茶林", "300亩", "种植油茶林面积"),
    ("查找被执行人31人", "31人", "查找被执行人数"),
    ("被执行人31人", "31人", "被执行人数"),
    ("行政执法行为超7000万次", "超7000万次", "行政执法行为数"),
    ("实时显示着在册165名社区矫正对象的数据", "165名", "在册社区矫正对象数"),
    ("省公安厅直接调集1000余名警力", "1000余名", "调集警力数"),
    ("今年以来，全市立刑事案件数同比下降18.2%", "18.2%", "立刑事案件数同比下降"),
    ("全国法院交叉执行案件72843件", "72843件", "全国法院交叉执行案件数"),
    ("村网格员5分钟就抵达矛盾现场", "5分钟", "抵达矛盾现场用时"),
    ("群众说没想到半天就解决了", "半天", "解决用时"),
    ("时间就使16名农民工的权益得到保障", "16名", "农民工数"),
    ("调解成功5126件，成功率87.9%", "87.9%", "成功率"),  # 成功 opens the word 成功率: it stays
    ("共受理纠纷5830件", "5830件", "受理纠纷数"),  # 共 is a word of its own: it goes
    ("其中，涉澳案件占比达到63.5%", "63.5%", "涉澳案件占比"),  # jieba cuts 占|比, a measure all the same
    ("结案1987件，结收案比91.2%", "91.2%", "结收案比"),
    ("全区14个司法所均达到省级标准", "14个", "司法所数"),  # jieba cuts 司法|所; 全区 is the subject's
    ("涉案财物移交周期由平均45天缩短至12天", "45天", "涉案财物移交周期"),
    # the words after a figure are read whole past the window's end (工作站, not 工作)
    ("在全县47个乡镇设立公共法律服务工作站", "47个", "乡镇设立公共法律服务工作站数"),
    # a quoted name right before the figure is what it counts
    ("累计培养“法律明白人”8.6万名", "8.6万名", "培养法律明白人数"),
    ("办理交叉执行案件371件，突破“骨头案”80件", "80件", "突破骨头案数"),
    ("涉企案件办理时间平均缩短3至5个工作日", "5个工作日", "涉企案件办理时间平均缩短"),  # a range's low end
    # 不 opening the rate of a decision not to act is the rate's (jieba: 不|起诉|率); elsewhere it goes
    ("不起诉率同比上升18个百分点", "18个百分点", "不起诉率同比上升"),
    ("审查逮捕案件不批捕率为12%", "12%", "审查逮捕案件不批捕率"),
    # 起 and 后 end a time only after a date (2023年起): 起诉 is what was done
    ("受理审查起诉1200人，起诉958人", "958人", "起诉数"),
    # a scope word ending the words before the figure says whose: what is counted follows it
    ("整合全区12个部门数据资源", "12个", "整合部门数"),
    ("依托全市1.5万名网格员收集线索", "1.5万名", "依托网格员数"),
    ("在全区13个街道全部建成综治中心", "13个", "街道数"),  # 全部 ends the noun (jieba tags it one)
]
CHANGES = [
    # sentence, figure, floor, the label of the figure before, label: a change is labelled as the figure it modifies
    ("失信人数10万人，同比继续下降9%", "9%", 9, "失信人数", "失信人数同比继续下降"),
    ("平均周期201天，同比上一年度缩短112天", "112天", 9, "平均周期", "平均周期同比缩短"),
    # against the year before is 同比 too, which keeps a long label within bounds
    (
        "行政机关负责人出庭应诉率达到96.8%，较上年提升4.2个百分点",
        "4.2个百分点",
        19,
        "行政机关负责人出庭应诉率",
        "行政机关负责人出庭应诉率同比提升",
    ),
    ("受理案件5317件，比上年度增长12%", "12%", 10, "受理案件数", "受理案件数同比增长"),
]
CLEAN_LABELS = ["执行到位率", "执行到位金额", "诉前化解纠纷数", "破产成本占破产财产的比例", "涉及生态破坏的刑事案件数"]
FRAGMENTS = [
    "关部门发出检察建议了",
    "去年全年分别增长4.19%和",
    "第五批）",
    "这里已经种植面积",
    "实时跳动着在册数",
    "全市数",
]


@pytest.mark.parametrize("text, figure, label", REPAIRS)
def test_fragments_are_repaired(text, figure, label):
    [q] = [q for q in find_quantities(text) if q.text == figure]
    assert metric_label(text, q.start, q.end, q.unit, 0, None) == label


@pytest.mark.parametrize("text, figure, floor, previous, label", CHANGES)
def test_changes_are_labelled_as_the_figure_they_modify(text, figure, floor, previous, label):
    [q] = [q for q in find_quantities(text) if q.text == figure]
    assert metric_label(text, q.start, q.end, q.unit, floor, previous) == label


@pytest.mark.parametrize("label", CLEAN_LABELS)
def test_clean_labels_are_left_alone(label):
    assert fragment_reason(label) is None


@pytest.mark.parametrize("label", FRAGMENTS)
def test_fragments_are_told(label):
    assert fragment_reason(label) is not None


def test_a_fragment_with_nothing_to_keep_is_no_label():
    assert repair("就了", "") == ""


RESPECTIVE_CASES = [
    # sentence, {figure: label}
    (
        "　　厦门市公安局破获诈骗案件1832起，抓获犯罪嫌疑人2469名，同比分别上升18.6%和23.4%。\n",
        {"18.6%": "破获诈骗案件数同比上升", "23.4%": "抓获犯罪嫌疑人数同比上升"},
    ),
    (
        "　　第一季度，执行完毕率为44.32%、执行到位率为56.74%（较去年全年分别增长4.19%和2.45%）。\n",
        {"4.19%": "执行完毕率较去年全年增长", "2.45%": "执行到位率较去年全年增长"},
    ),
    (  # measures listed before 分别, one per figure after it (及 inside 及时 joins no list)
        "　　全区信访事项及时受理率、按期办结率分别达到99.8%、99.5%。\n",
        {"99.8%": "信访事项及时受理率", "99.5%": "按期办结率"},
    ),
    ("　　全市法院结案率和调撤率分别为96.2%、45.1%。\n", {"96.2%": "结案率", "45.1%": "调撤率"}),
    ("　　结案率和调撤率分别为96.2%、45.1%、33%。\n", {"33%": "结案率和调撤率"}),  # three figures, two measures
    (  # one change, no 分别: the change of the figure right before it
        "　　厦门市公安局破获诈骗案件1832起，抓获犯罪嫌疑人2469名，同比上升23.4%。\n",
        {"23.4%": "抓获犯罪嫌疑人数同比上升"},
    ),
]


@pytest.mark.parametrize("text, expected", RESPECTIVE_CASES)
def test_changes_after_fenbie_go_to_their_own_figures(text, expected):
    x = to_json(process(Source(name="t.txt", path="t.txt", text=text, encoding="utf-8")))
    got = {q["text"]: q["metric"] for q in x["quantities"] if q["text"] in expected}
    assert got == expected
