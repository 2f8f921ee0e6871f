"""How outcomes are labelled and evidence is shown: the metric with the figure and its unit
(and the period), and each evidence item with its article's headline, document and sentence."""

from __future__ import annotations

import pytest

from govgraph.triples import outcome_label

LABELS = [
    # (surface text, metric, period, label)
    ("56.74%", "执行到位率", None, "执行到位率 56.74%"),
    ("4784.85 万元", "执行到位金额", None, "执行到位金额 4784.85万元"),
    ("56.74%", "执行到位率", "第一季度", "执行到位率 56.74%（第一季度）"),
    ("近30万件", "交叉执行案件数", "截至今年3月31日", "交叉执行案件数 近30万件（截至今年3月31日）"),
    ("2.45%（去年全年为4.19%）", "执行到位率增幅", None, "执行到位率增幅 2.45%"),
    ("72天", "", None, "72天"),
    ("600余件", "化解纠纷数", "  ", "化解纠纷数 600余件"),
]


@pytest.mark.parametrize("text, metric, period, label", LABELS)
def test_outcome_label(text, metric, period, label):
    assert outcome_label(text, metric, period) == label


def test_sample_outcomes_are_labelled_metric_first(built):
    import json

    from govgraph.build.page import view_of_lines

    lines = [ln[:-2] for ln in (built / "govgraph.nt").read_text(encoding="utf-8").splitlines() if ln.endswith(" .")]
    view = view_of_lines(lines)
    outcomes = [d for _, d in view.nodes(data=True) if d["cls"] == "outcome"]
    assert outcomes
    x = json.loads((built / "extractions" / "002_79b23406edc23697.json").read_text(encoding="utf-8"))
    labels = {d["label"] for d in outcomes}
    for q in x["quantities"]:
        label = outcome_label(q["text"], q["metric"], q.get("period"))
        assert label in labels
        assert not label[0].isdigit() or not q["metric"]  # the metric comes first
    assert any(lb.startswith("执行到位金额 4784.85万元") for lb in labels)


def test_evidence_items_name_headline_document_and_sentence(built):
    from govgraph.build.page import view_of_lines

    lines = [ln[:-2] for ln in (built / "govgraph.nt").read_text(encoding="utf-8").splitlines() if ln.endswith(" .")]
    view = view_of_lines(lines)
    items = [e for _, d in view.nodes(data=True) for e in d["evidence"]]
    assert items and all(set(e) == {"headline", "document", "sentence"} for e in items)
    # the bundled samples: every article has a headline, so every evidence item shows one
    assert all(e["headline"] for e in items)
    assert not any(e["headline"].startswith("本报") and e["headline"].endswith("讯") for e in items)
