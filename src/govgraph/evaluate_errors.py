"""`govgraph evaluate --errors`: every miss and false hit, with its sentence, by rule.

Items are paired with the gold exactly as `evaluate` scores them (the reference scorer's
greedy matching). A predicted item belongs to the rule of its first evidence (the mention
that made it; `(no rule)` while a rule family sets no id), so the true and false hits of the
rules add up to the scorer's counts. A miss has no rule of its own: it is listed under the
rule of a false hit of the same list in the same sentence (`near <rule>`: the rule found
something there, but not this), else under `(not found)`.

A false hit shows its evidence sentence. A miss shows the sentences of the document where
its name or one of its gold mentions occurs (a quantity: its text), read from the source
text when a corpus folder is given (segmented as `build` segments it), else from the
sentences of the extraction's evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

from .errors import InputError
from .evaluate import LISTS, doc_regions, gold_documents, load_json, pair_indices, scored_lists
from .names import REGION_TAIL, mech_key
from .normalize import unwrap
from .reader import read
from .segment import segment

NO_RULE = "(no rule)"
NOT_FOUND = "(not found)"
MAX_SENTENCES = 3  # sentences shown for a miss


def error_report(
    pred_dir: str | Path, gold_dir: str | Path, corpus_dir: str | Path | None = None, lists: tuple = LISTS
) -> dict:
    """{"summary": [per rule and list: tp, fp], "families": [the same per rule family (the id
    before its first colon)], "false_hits": [...], "misses": [...]}, sorted."""
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    false_hits: list[dict] = []
    misses: list[dict] = []
    for gf in gold_documents(pred_dir, gold_dir):
        pred, gold = load_json(Path(pred_dir) / gf.name), load_json(gf)
        sentences = document_sentences(pred, gf.stem, corpus_dir)
        regions = doc_regions(pred, gold)
        for name, ps, gs, match in scored_lists(pred, gold, regions):
            if name not in lists:
                continue
            evidence = _evidence_lists(name, pred, ps)
            matched = pair_indices(ps, gs, match)
            hit_preds = {i for i, _ in matched}
            doc_false = []
            for i, item in enumerate(ps):
                rule = _rule(evidence[i])
                tally[(rule, name)][0 if i in hit_preds else 1] += 1
                if i not in hit_preds:
                    doc_false.append(_false_hit(gf.stem, name, item, evidence[i], rule))
            hit_golds = {j for _, j in matched}
            for j, item in enumerate(gs):
                if j not in hit_golds:
                    misses.append(_miss(gf.stem, name, item, gold, sentences, doc_false))
            false_hits += doc_false
    summary: list[dict[str, Any]] = [
        {"rule": rule, "list": name, "tp": tp, "fp": fp, "precision": round(tp / (tp + fp), 3)}
        for (rule, name), (tp, fp) in sorted(tally.items(), key=lambda kv: (LISTS.index(kv[0][1]), kv[0][0]))
    ]
    families: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for (rule, name), (tp, fp) in tally.items():  # mech.curated:cross-execution → mech.curated
        counts = families[(rule.split(":", 1)[0], name)]
        counts[0] += tp
        counts[1] += fp
    by_family = [
        {"family": fam, "list": name, "tp": tp, "fp": fp, "precision": round(tp / (tp + fp), 3)}
        for (fam, name), (tp, fp) in sorted(families.items(), key=lambda kv: (LISTS.index(kv[0][1]), kv[0][0]))
    ]
    order = {name: k for k, name in enumerate(LISTS)}
    false_hits.sort(key=lambda x: (order[x["list"]], x["rule"], x["document"], x["start"] or 0))
    misses.sort(key=lambda x: (order[x["list"]], x["rule"] == NOT_FOUND, x["rule"], x["document"]))
    return {"summary": summary, "families": by_family, "false_hits": false_hits, "misses": misses}


# ---------------------------------------------------------------- the document's sentences


def document_sentences(pred: dict, stem: str, corpus_dir: str | Path | None) -> list[dict]:
    """The document's sentences ({"text", "start", "end"}, offsets into the original file):
    from its source text when `corpus_dir` has it, else those the extraction's evidence quotes."""
    if corpus_dir is not None:
        names = [pred.get("document") or "", f"{stem}.txt"]
        for name in names:
            path = Path(corpus_dir) / name
            if name and path.is_file():
                return _segmented(path)
    seen: dict[int, dict] = {}
    for ev in _all_evidence(pred):
        if ev.get("sentence") and ev.get("sentence_start") is not None:
            seen.setdefault(
                ev["sentence_start"],
                {"text": ev["sentence"], "start": ev["sentence_start"], "end": ev.get("sentence_end")},
            )
    return [seen[k] for k in sorted(seen)]


def _segmented(path: Path) -> list[dict]:
    try:
        source = read(path)
    except InputError:
        return []
    articles = segment(unwrap(source.text))
    return [{"text": s.text, "start": s.start, "end": s.end} for a in articles for s in a.sentences]


def _all_evidence(pred: dict):
    for name in ("institutions", "regions", "mechanisms", "parent_bodies"):
        for item in pred.get(name, []):
            yield from item.get("evidence") or []
    for evs in pred.get("adopts_evidence", []):
        yield from evs
    for q in pred.get("quantities", []):
        if q.get("evidence"):
            yield q["evidence"]


# ---------------------------------------------------------------- false hits


def _evidence_lists(name: str, pred: dict, items: list) -> list[list[dict]]:
    """Each scored predicted item's evidence, in order."""
    if name == "adopts":
        evs = pred.get("adopts_evidence", [])
        return [evs[i] if i < len(evs) else [] for i in range(len(items))]
    if name == "quantities":
        return [[q["evidence"]] if isinstance(q, dict) and q.get("evidence") else [] for q in items]
    return [(x.get("evidence") or []) if isinstance(x, dict) else [] for x in items]


def _rule(evidence: list[dict]) -> str:
    return (evidence[0].get("rule") if evidence else "") or NO_RULE


def describe(name: str, item) -> str:
    """An item as one short line: a name, a pair, or a figure with its unit and subject."""
    if name == "adopts":
        return " → ".join(str(x) for x in item) if isinstance(item, list) else str(item)
    if name == "quantities":
        text = item.get("text") or item.get("value")
        return f"{text} ({item.get('value')} {item.get('unit')}; subject {item.get('subject')})"
    return str(item.get("name"))


def _false_hit(doc: str, name: str, item, evidence: list[dict], rule: str) -> dict:
    first = evidence[0] if evidence else {}
    return {
        "list": name,
        "document": doc,
        "rule": rule,
        "rules": sorted({ev.get("rule") or NO_RULE for ev in evidence}),
        "item": describe(name, item),
        "quote": first.get("quote"),
        "sentence": first.get("sentence"),
        "start": first.get("start"),
        "end": first.get("end"),
        "sentence_start": first.get("sentence_start"),
    }


# ---------------------------------------------------------------- misses


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def search_terms(name: str, item, gold: dict) -> list[list[str]]:
    """What to look for in the text: groups of surface forms, every group must occur in the
    sentence (an adoption: one form of the institution and one of the mechanism)."""
    if name == "quantities":
        return [[str(item.get("text") or item.get("value"))]]
    if name == "adopts":
        if not (isinstance(item, list) and len(item) == 2):
            return []
        return [_forms("institutions", item[0], gold), _forms("mechanisms", item[1], gold)]
    return [_forms(name, item.get("name") or "", gold)]


def _forms(name: str, label: str, gold: dict) -> list[str]:
    """The label, its gold mentions and its short forms (湖北省 → 湖北, 交叉执行机制 → 交叉执行)."""
    forms = {label}
    for x in gold.get(name, []):
        if isinstance(x, dict) and x.get("name") == label:
            forms.update(m for m in x.get("mentions") or [] if m)
    if name == "regions":
        bare = REGION_TAIL.sub("", label)
        forms.add(bare if len(bare) >= 2 else label)
    if name == "mechanisms":
        forms.add(mech_key(label))
    return sorted({f for f in (_squash(f) for f in forms) if f}, key=lambda f: (-len(f), f))


def _miss(doc: str, name: str, item, gold: dict, sentences: list[dict], doc_false: list[dict]) -> dict:
    groups = search_terms(name, item, gold)
    found = [s for s in sentences if groups and all(any(f in _squash(s["text"]) for f in g) for g in groups)]
    if not found and name == "adopts" and len(groups) == 2:  # the mechanism's sentences, at least
        found = [s for s in sentences if any(f in _squash(s["text"]) for f in groups[1])]
    starts = {s["start"] for s in found}
    near = [x for x in doc_false if x["list"] == name and x["sentence_start"] in starts]
    return {
        "list": name,
        "document": doc,
        "rule": f"near {near[0]['rule']}" if near else NOT_FOUND,
        "item": describe(name, item),
        "near": [{"item": x["item"], "rule": x["rule"]} for x in near],
        "sentences": found[:MAX_SENTENCES],
        "more_sentences": max(0, len(found) - MAX_SENTENCES),
    }


# ---------------------------------------------------------------- text


def _width(s: str) -> int:
    """Columns in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(1, width - _width(s))


def _clip(s: str | None, width: int = 160) -> str:
    s = (s or "").replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def format_errors(report: dict) -> str:
    """The tables per rule family and per rule, then per list the false hits and the misses,
    grouped by rule."""
    lines = _table(report["families"], "family") + [""] + _table(report["summary"], "rule")
    for name in LISTS:
        for what, key in (("false hits", "false_hits"), ("misses", "misses")):
            rows = [x for x in report[key] if x["list"] == name]
            if rows:
                lines += ["", f"== {name}: {what} ({len(rows)}) =="]
                lines += _grouped(rows, key)
    return "\n".join(lines)


def _table(rows: list[dict], key: str) -> list[str]:
    width = max([36] + [_width(r[key]) + 2 for r in rows])
    lines = [f"{_pad(key, width)}{'list':<14}{'tp':>5}{'fp':>5}{'P':>7}"]
    for r in rows:
        lines.append(f"{_pad(r[key], width)}{r['list']:<14}{r['tp']:>5}{r['fp']:>5}{r['precision']:>7.3f}")
    return lines


def _grouped(rows: list[dict], key: str) -> list[str]:
    lines = []
    groups: dict[str, list[dict]] = {}
    for x in rows:
        groups.setdefault(x["rule"], []).append(x)
    for rule, xs in groups.items():
        lines.append(f"[{rule}] {len(xs)}")
        for x in xs:
            if key == "false_hits":
                also = [r for r in x["rules"] if r != rule]
                extra = f"  (also {', '.join(also)})" if also else ""
                lines.append(f"  {x['document']}  {x['item']}{extra}")
                lines.append(f"      @{x['start']}: {_clip(x['sentence'])}")
            else:
                lines.append(f"  {x['document']}  {x['item']}")
                if not x["sentences"]:
                    lines.append("      (no sentence names it)")
                for s in x["sentences"]:
                    lines.append(f"      @{s['start']}: {_clip(s['text'])}")
                if x["more_sentences"]:
                    lines.append(f"      … and {x['more_sentences']} more sentence(s)")
    return lines
