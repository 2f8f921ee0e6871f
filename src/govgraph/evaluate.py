"""`govgraph evaluate`: precision, recall and F1 per list against gold annotations.

The matching rules are those of SPEC.md and give the same figures as the reference scorer
(shared/tools/score.py); a test runs both on the same inputs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .errors import GovgraphError
from .names import inst_match, mech_match, norm

LISTS = ("institutions", "regions", "mechanisms", "adopts", "quantities")


def region_match(p, g) -> bool:
    if p.get("code") and g.get("code"):
        return str(p["code"]) == str(g["code"])
    return norm(p.get("name")) == norm(g.get("name"))


def qty_match(p, g) -> bool:
    if norm(p.get("unit")) != norm(g.get("unit")):
        return False
    try:
        pv, gv = float(p["value"]), float(g["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if g.get("unit") == "percent":
        return abs(pv - gv) <= 0.01
    return abs(pv - gv) <= 0.005 * max(abs(gv), 1e-9)


def pair_indices(preds, golds, match) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in gold order, as the reference scorer does: (pred, gold) indices."""
    used: set[int] = set()
    pairs = []
    for j, g in enumerate(golds):
        for i, p in enumerate(preds):
            if i not in used and match(p, g):
                used.add(i)
                pairs.append((i, j))
                break
    return pairs


def pair_up(preds, golds, match):
    return [(preds[i], golds[j]) for i, j in pair_indices(preds, golds, match)]


def subject_ok(p, g, regions) -> bool:
    ps, gs = norm(p.get("subject")), norm(g.get("subject"))
    if not ps and not gs:
        return True
    if not ps or not gs:
        return False
    return inst_match(ps, gs, regions) or ps == gs


def doc_regions(pred: dict, gold: dict) -> set:
    """Region names of both sides: what may stand in front of an institution's name."""
    return {norm(r.get("name")) for r in gold.get("regions", []) + pred.get("regions", [])}


def scored_lists(pred: dict, gold: dict, regions: set) -> list[tuple[str, list, list, Callable]]:
    """Per list: its name, the predicted items, the gold items and how two of them match, in
    the reference scorer's order (institutions and mechanisms without a name are not scored)."""

    def named(xs):
        return [x for x in xs if x.get("name")]

    return [
        (
            "institutions",
            named(pred.get("institutions", [])),
            named(gold.get("institutions", [])),
            lambda p, g: inst_match(p["name"], g["name"], regions),
        ),
        ("regions", pred.get("regions", []), gold.get("regions", []), region_match),
        (
            "mechanisms",
            named(pred.get("mechanisms", [])),
            named(gold.get("mechanisms", [])),
            lambda p, g: mech_match(p["name"], g["name"]),
        ),
        (
            "adopts",
            pred.get("adopts", []),
            gold.get("adopts", []),
            lambda p, g: len(p) == 2 and inst_match(p[0], g[0], regions) and mech_match(p[1], g[1]),
        ),
        ("quantities", pred.get("quantities", []), gold.get("quantities", []), qty_match),
    ]


def score_document(pred: dict, gold: dict) -> dict:
    regions = doc_regions(pred, gold)
    out = {}
    pairs = {}
    for name, ps, gs, match in scored_lists(pred, gold, regions):
        pairs[name] = pair_up(ps, gs, match)
        out[name] = [len(pairs[name]), len(ps), len(gs)]
    matched = pairs["quantities"]
    out["quantity_subject"] = [sum(subject_ok(p, g, regions) for p, g in matched), len(matched)]
    return out


def _prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise GovgraphError(f"{path}: not valid JSON ({e})") from None


def gold_documents(pred_dir: str | Path, gold_dir: str | Path) -> list[Path]:
    """The gold files, in name order; a missing folder or an empty gold folder is an error."""
    pred_dir, gold_dir = Path(pred_dir), Path(gold_dir)
    for d, what in ((pred_dir, "prediction"), (gold_dir, "gold")):
        if not d.is_dir():
            raise GovgraphError(f"{d}: {what} folder not found")
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise GovgraphError(f"no gold files in {gold_dir}")
    return gold_files


def evaluate(pred_dir: str | Path, gold_dir: str | Path, per_document: bool = False) -> dict:
    """Scores in the reference scorer's JSON shape."""
    pred_dir = Path(pred_dir)
    gold_files = gold_documents(pred_dir, gold_dir)
    total: dict[str, list[int]] = {}
    docs = {}
    for gf in gold_files:
        doc = score_document(load_json(pred_dir / gf.name), load_json(gf))
        docs[gf.stem] = doc
        for k, v in doc.items():
            total[k] = [a + b for a, b in zip(total.get(k, [0] * len(v)), v)]
    result: dict = {}
    for k in LISTS:
        tp, npred, ngold = total[k]
        p, r, f = _prf(tp, npred, ngold)
        result[k] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "tp": tp,
            "predicted": npred,
            "gold": ngold,
        }
    ok, n = total["quantity_subject"]
    result["quantity_subject_accuracy"] = round(ok / n, 3) if n else 0.0
    if per_document:
        result["documents"] = docs
    return result


def format_table(result: dict) -> str:
    lines = [f"{'list':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for k, v in result.items():
        if isinstance(v, dict) and k != "documents":
            lines.append(
                f"{k:<14}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}"
                f"{v['tp']:>6}{v['predicted']:>6}{v['gold']:>6}"
            )
    n = result["quantities"]["tp"]
    lines.append(f"quantity subject accuracy {result['quantity_subject_accuracy']:.3f} over {n} matched")
    return "\n".join(lines)
