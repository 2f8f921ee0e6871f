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


def test_agrees_on_handmade_edge_cases(tmp_path, needs_shared):
    gold = tmp_path / "gold"
    pred = tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    g = {
        "institutions": [{"name": "青岛市城阳区人民法院"}, {"name": "最高人民法院"}],
        "regions": [{"name": "青岛市", "code": "370200"}, {"name": "城阳区"}],
        "mechanisms": [{"name": "交叉执行"}, {"name": "“六调联动”解纷机制"}],
        "adopts": [["最高人民法院", "交叉执行"]],
        "quantities": [
            {"value": 44.32, "unit": "percent", "subject": None},
            {"value": 39891000000, "unit": "CNY", "subject": "青岛市城阳区人民法院"},
        ],
    }
    p = {
        "institutions": [{"name": "城阳区人民法院"}, {"name": "最高法"}, {"name": "某银行"}],
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
    assert ours["institutions"]["tp"] == 1
