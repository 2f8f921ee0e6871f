"""The per-document pipeline: normalize → segment → extract → resolve, and its JSON form.

`process(source)` is pure (text in, records out) so it can run in worker processes.
"""

from __future__ import annotations

from .extract import extract_document
from .normalize import unwrap
from .reader import Source
from .records import Entity, Extraction
from .segment import segment


def process(source: Source) -> Extraction:
    clean = unwrap(source.text)
    articles = segment(clean)
    return extract_document(source.name, clean, articles)


def _evidence(e: Entity) -> list[dict]:
    return [ev.to_json() for ev in e.evidence]


def _institution(e: Entity) -> dict:
    return {
        "name": e.name,
        "kind": e.kind,
        "region": e.region,
        "parent": e.parent,
        "mentions": e.aliases,
        "evidence": _evidence(e),
    }


def to_json(x: Extraction) -> dict:
    """The gold format of shared/gold/SPEC.md, plus evidence (extra keys the scorer ignores)."""
    return {
        "document": x.document,
        "articles": [
            {
                "index": a.index,
                "headline": a.headline,
                "headline_from_lead": a.headline_from_lead,
                "byline": a.byline,
                "date": a.date,
                "sentences": len(a.sentences),
                "start": a.sentences[0].start if a.sentences else None,
                "end": a.sentences[-1].end if a.sentences else None,
            }
            for a in x.articles
        ],
        "institutions": [_institution(e) for e in x.institutions],
        "parent_bodies": [_institution(e) for e in x.parent_bodies],
        "regions": [
            {
                "name": e.name,
                "level": e.kind,
                "parent": e.parent,
                "code": e.code,
                "mentions": e.aliases,
                "evidence": _evidence(e),
            }
            for e in x.regions
        ],
        "mechanisms": [
            {
                "name": e.name,
                "broader": e.parent,
                "status": e.kind,
                "concept": e.code,
                "mentions": e.aliases,
                "evidence": _evidence(e),
            }
            for e in x.mechanisms
        ],
        "adopts": [[f.subject, f.object] for f in x.adopts],
        "adopts_evidence": [[ev.to_json() for ev in f.evidence] for f in x.adopts],
        "quantities": [
            {
                "text": q.text,
                "value": _num(q.value),
                "unit": q.unit,
                "subject": q.subject,
                "subject_rule": q.subject_rule,
                "metric": q.metric,
                "period": q.period,
                "period_start": q.period_start,
                "period_end": q.period_end,
                "mechanism": q.mechanism,
                "evidence": q.evidence.to_json(),
            }
            for q in x.quantities
        ],
    }


def _num(v: float):
    return int(v) if float(v).is_integer() else v
