"""`govgraph evaluate` gives exactly the reference scorer's figures."""

import json
import subprocess
import sys

import pytest

from conftest import SHARED
from govgraph.cli import main
from govgraph.evaluate import evaluate

SCORER = SHARED / "tools" / "score.py"
GOLD = SHARED / "gold"


def reference(pred_dir, gold_dir):
    r = subprocess.run(
        [sys.executable, str(SCORER), str(pred_dir), str(gold_dir), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(r.stdout)


@pytest.fixture
def needs_shared():
    if not SCORER.exists() or not GOLD.is_dir():
        pytest.skip("shared/ (reference scorer and gold) not beside the repo")


def test_agrees_with_reference_scorer_on_the_build(built, needs_shared, capsys):
    ours = evaluate(built / "extractions", GOLD)
    assert ours == reference(built / "extractions", GOLD)
    assert main(["evaluate", str(built / "extractions"), str(GOLD), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == ours


def test_agrees_with_reference_scorer_on_every_shared_document(tmp_path, needs_shared):
    from govgraph.api import build

    build([str(SHARED / "corpus")], tmp_path / "out", workers=1, progress=False, page=False, cache=False)
    pred = tmp_path / "out" / "extractions"
    assert evaluate(pred, GOLD, per_document=True) == json.loads(
        subprocess.run(
            [sys.executable, str(SCORER), str(pred), str(GOLD), "--json", "--docs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_agrees_on_handmade_edge_cases(tmp_path, needs_shared):
    gold = tmp_path / "gold"
    pred = tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    g = {
        "institutions": [
            {"name": "青岛市城阳区人民法院"},
            {"name": "最高人民法院"},
            {"name": "中国共产党青岛市委员会政法委员会"},
        ],
        "regions": [{"name": "青岛市", "code": "370200"}, {"name": "城阳区"}],
        "mechanisms": [{"name": "交叉执行"}, {"name": "“六调联动”解纷机制"}],
        "adopts": [["最高人民法院", "交叉执行"]],
        "quantities": [
            {"value": 44.32, "unit": "percent", "subject": None},
            {"value": 39891000000, "unit": "CNY", "subject": "青岛市城阳区人民法院"},
        ],
    }
    p = {
        "institutions": [
            {"name": "城阳区人民法院"},
            {"name": "最高法"},
            {"name": "某银行"},
            {"name": "中共青岛市委员会政法委员会"},
        ],
        "regions": [{"name": "青岛", "code": "370200"}, {"name": "城阳区"}],
        "mechanisms": [{"name": "交叉执行工作机制"}, {"name": "六调联动"}],
        "adopts": [["最高人民法院", "交叉执行制度"], ["x"]],
        "quantities": [
            {"value": 44.325, "unit": "percent", "subject": None},
            {"value": 39900000000, "unit": "CNY", "subject": "城阳区人民法院"},
            {"value": "n/a", "unit": "CNY"},
        ],
    }
    (gold / "a.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    (gold / "b.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    (pred / "a.json").write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
    # b.json has no prediction: counts as empty
    ours = evaluate(pred, gold, per_document=True)
    theirs = json.loads(
        subprocess.run(
            [sys.executable, str(SCORER), str(pred), str(gold), "--json", "--docs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert ours == theirs
    assert ours["institutions"]["tp"] == 2  # 中共… is 中国共产党…


# ---------------------------------------------------------------- evaluate --errors

ERR_TEXT = "城阳区法院推行诉前调解。\n城阳区法院办结案件120件，同比增长5%。\n城阳区司法局开展“法律明白人”培养工程。\n"


def _ev(text, quote, rule, nth=0):
    """Evidence of `quote` (its nth occurrence) in ERR_TEXT, as the extraction JSON gives it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    s0 = text.rfind("\n", 0, start) + 1
    s1 = text.index("\n", start)
    return {
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "rule": rule,
        "sentence": text[s0:s1],
        "sentence_start": s0,
        "sentence_end": s1,
    }


@pytest.fixture
def error_case(tmp_path):
    corpus, pred, gold = tmp_path / "corpus", tmp_path / "pred", tmp_path / "gold"
    for d in (corpus, pred, gold):
        d.mkdir()
    (corpus / "a.txt").write_text(ERR_TEXT, encoding="utf-8")
    g = {
        "institutions": [
            {"name": "青岛市城阳区人民法院", "mentions": ["城阳区法院"]},
            {"name": "青岛市城阳区司法局", "mentions": ["城阳区司法局"]},
        ],
        "regions": [{"name": "城阳区"}],
        "mechanisms": [
            {"name": "诉前调解", "mentions": ["诉前调解"]},
            {"name": "法律明白人", "mentions": ["法律明白人"]},
        ],
        "adopts": [["青岛市城阳区人民法院", "诉前调解"], ["青岛市城阳区司法局", "法律明白人"]],
        "quantities": [{"text": "120件", "value": 120, "unit": "case"}, {"text": "5%", "value": 5, "unit": "percent"}],
    }
    p = {
        "document": "a.txt",
        "institutions": [{"name": "青岛市城阳区人民法院", "evidence": [_ev(ERR_TEXT, "城阳区法院", "inst.head:法院")]}],
        "regions": [{"name": "城阳区", "evidence": [_ev(ERR_TEXT, "城阳区", "region.gazetteer")]}],
        "mechanisms": [
            {"name": "诉前调解", "evidence": [_ev(ERR_TEXT, "诉前调解", "mech.curated")]},
            {"name": "培养工程", "evidence": [_ev(ERR_TEXT, "培养工程", "mech.tail")]},
        ],
        "adopts": [["青岛市城阳区人民法院", "诉前调解"], ["青岛市城阳区人民法院", "培养工程"]],
        "adopts_evidence": [
            [_ev(ERR_TEXT, "推行", "adopt.subject+trigger")],
            [_ev(ERR_TEXT, "开展", "")],
        ],
        "quantities": [
            {"text": "120件", "value": 120, "unit": "case", "evidence": _ev(ERR_TEXT, "120件", "qty.counter")}
        ],
    }
    (gold / "a.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    (pred / "a.json").write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")
    return pred, gold, corpus


def test_errors_group_misses_and_false_hits_by_rule(error_case):
    from govgraph.evaluate_errors import error_report

    pred, gold, corpus = error_case
    report = error_report(pred, gold, corpus)
    summary = {(r["list"], r["rule"]): (r["tp"], r["fp"]) for r in report["summary"]}
    assert summary == {
        ("institutions", "inst.head:法院"): (1, 0),
        ("regions", "region.gazetteer"): (1, 0),
        ("mechanisms", "mech.curated"): (1, 0),
        ("mechanisms", "mech.tail"): (0, 1),
        ("adopts", "adopt.subject+trigger"): (1, 0),
        ("adopts", "(no rule)"): (0, 1),
        ("quantities", "qty.counter"): (1, 0),
    }
    families = {(r["list"], r["family"]): (r["tp"], r["fp"]) for r in report["families"]}
    assert families[("mechanisms", "mech.tail")] == (0, 1) and families[("adopts", "adopt.subject+trigger")] == (1, 0)
    # the rules' counts add up to the scorer's
    scores = evaluate(pred, gold)
    for name in ("institutions", "mechanisms", "adopts", "quantities"):
        rows = [r for r in report["summary"] if r["list"] == name]
        assert sum(r["tp"] for r in rows) == scores[name]["tp"]
        assert sum(r["tp"] + r["fp"] for r in rows) == scores[name]["predicted"]
    [fh] = [x for x in report["false_hits"] if x["list"] == "mechanisms"]
    assert (fh["item"], fh["rule"], fh["start"]) == ("培养工程", "mech.tail", ERR_TEXT.index("培养工程"))
    assert fh["sentence"] == "城阳区司法局开展“法律明白人”培养工程。"
    misses = {(x["list"], x["item"]): x for x in report["misses"]}
    assert set(misses) == {
        ("institutions", "青岛市城阳区司法局"),
        ("mechanisms", "法律明白人"),
        ("adopts", "青岛市城阳区司法局 → 法律明白人"),
        ("quantities", "5% (5 percent; subject None)"),
    }
    third = ERR_TEXT.index("城阳区司法局")
    # the gold mention 法律明白人 is found in the text; a false hit of mech.tail sits in that sentence
    m = misses[("mechanisms", "法律明白人")]
    assert m["rule"] == "near mech.tail" and [s["start"] for s in m["sentences"]] == [third]
    assert misses[("institutions", "青岛市城阳区司法局")]["rule"] == "(not found)"
    q = misses[("quantities", "5% (5 percent; subject None)")]["sentences"]
    assert [s["text"] for s in q] == ["城阳区法院办结案件120件，同比增长5%。"]


def test_errors_without_a_corpus_use_the_evidence_sentences(error_case):
    from govgraph.evaluate_errors import error_report

    pred, gold, _ = error_case
    report = error_report(pred, gold, lists=("institutions",))
    [miss] = report["misses"]
    assert [s["text"] for s in miss["sentences"]] == ["城阳区司法局开展“法律明白人”培养工程。"]
    assert {r["list"] for r in report["summary"]} == {"institutions"}


def test_cli_errors_text_and_json(error_case, capsys):
    pred, gold, corpus = error_case
    assert main(["evaluate", str(pred), str(gold), "--errors", "--corpus", str(corpus)]) == 0
    text = capsys.readouterr().out
    assert "== mechanisms: false hits (1) ==\n[mech.tail] 1\n  a  培养工程\n" in text
    assert "[near mech.tail] 1" in text and "[(not found)] 1" in text
    assert main(["evaluate", str(pred), str(gold), "--errors", "--json", "--list", "adopts"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(r["rule"], r["tp"], r["fp"]) for r in report["summary"]] == [
        ("(no rule)", 0, 1),
        ("adopt.subject+trigger", 1, 0),
    ]
    assert main(["evaluate", str(pred), str(gold), "--errors", "--list", "people"]) == 2
    assert "unknown list(s) people" in capsys.readouterr().err
    # without --errors: the scorer's figures, unchanged
    assert main(["evaluate", str(pred), str(gold), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == evaluate(pred, gold)
