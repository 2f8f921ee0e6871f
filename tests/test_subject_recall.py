"""Subjects that only the article's earlier text identifies (extract/subject_recall.py,
data/subject_cues.tsv): staff words, bare heads, two-level court systems, 全市 after the city's body."""

from __future__ import annotations

import pytest

from extract_helpers import doc
from govgraph.extract.subject_recall import _abbreviates

RECALL_CASES = [
    # article, figure, subject, rule
    (
        "宜昌市公安局龙泉派出所民警接到预警后赶往现场。民警及时止付，成功拦截资金30万元。",
        "30万元",
        "宜昌市公安局龙泉派出所",
        "subj.staff",
    ),
    ("宜昌市公安局龙泉派出所民警成功拦截资金30万元。", "30万元", "宜昌市公安局龙泉派出所", "subj.staff"),
    (  # 法庭 opening the sentence is the tribunal named last (inst.anaphor:法庭), its clause's actor
        "宜昌市夷陵区人民法院龙泉人民法庭地处山区。法庭6名干警常年巡回办案。",
        "6名",
        "宜昌市夷陵区人民法院龙泉人民法庭",
        "subj.clause",
    ),
    (
        "宜昌市夷陵区社会治安综合治理中心召开会议。中心共接待群众300人次。",
        "300人次",
        "宜昌市夷陵区社会治安综合治理中心",
        "subj.bare-head",
    ),
    ("宜昌市中级人民法院召开会议。宜中两级法院共审结案件500件。", "500件", "宜昌市中级人民法院", "subj.two-level"),
    (
        "宜昌市公安局开展反诈行动。宜昌市公安局持续推进宣传。截至目前，全市共处置预警信息300条。",
        "300条",
        "宜昌市公安局",
        "subj.jurisdiction",
    ),
    (  # … and so are the figures of the paragraph's next sentences, with no agent of their own
        "柯城区人民法院推进“共享法庭”建设。目前，全区已建成“共享法庭”98个。今年以来，通过“共享法庭”开展在线调解2134次。",
        "2134次",
        "衢州市柯城区人民法院",
        "subj.jurisdiction",
    ),
    (
        "宜昌市公安局反诈中心立即启动应急处置。最终，民警为群众挽回了50万元的经济损失。",
        "50万元",
        "宜昌市公安局反诈中心",
        "subj.carried",
    ),
]
RECALL_NEGATIVES = [
    # article, figure, subject, rule: the earlier text does not decide
    (  # a region's system of bodies (no jurisdiction of the body before): the next sentence stays the region's
        "绥化市委政法委召开会议。今年以来，绥化市政法系统共排查化解矛盾纠纷2.86万件；全市信访总量同比下降16.2%。",
        "16.2%",
        "绥化市",
        "subj.collective-region",
    ),
    ("宜昌市公安局召开会议。民警成功拦截资金30万元。", "30万元", "宜昌市公安局", "subj.carried"),
    (
        "宜昌市夷陵区社会治安综合治理中心召开会议。调解中心6名调解员常年值守。",
        "6名",
        "宜昌市夷陵区社会治安综合治理中心",
        "subj.carried",
    ),
    (
        "宜昌市公安局开展反诈行动。宜昌市大力推进平安建设。全市刑事案件下降18%。",
        "18%",
        "宜昌市",
        "subj.collective-region",
    ),
    (
        "宜昌市公安局持续推进宣传。\n　　截至目前，全市共处置预警信息300条。",
        "300条",
        "宜昌市",
        "subj.collective-region",
    ),
]


@pytest.mark.parametrize("text, figure, subject, rule", RECALL_CASES + RECALL_NEGATIVES)
def test_subjects_recalled_from_earlier_text(text, figure, subject, rule):
    x = doc("　　" + text + "\n")
    [q] = [q for q in x["quantities"] if q["text"] == figure]
    assert (q["subject"], q["subject_rule"]) == (subject, rule)


@pytest.mark.parametrize(
    "short, name, expected",
    [
        ("广铁", "广州铁路运输中级法院", True),
        ("宜中", "宜昌市中级人民法院", True),
        ("中宜", "宜昌市中级人民法院", False),
    ],
)
def test_short_forms(short, name, expected):
    assert _abbreviates(short, name) is expected
