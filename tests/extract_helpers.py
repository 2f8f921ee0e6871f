"""What the extraction tests share: one short document's extraction, as JSON, and its institutions and
adoptions with the offsets and rule ids of their evidence."""

from govgraph.pipeline import process, to_json
from govgraph.reader import Source


def doc(text: str, name: str = "t.txt") -> dict:
    return to_json(process(Source(name=name, path=name, text=text, encoding="utf-8")))


def institutions(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, rule) of every evidence of every institution of one short document."""
    return [(i["name"], e["start"], e["end"], e["rule"]) for i in doc(text)["institutions"] for e in i["evidence"]]


def adoptions(text: str) -> dict[tuple[str, str], list[tuple[int, int, str]]]:
    x = doc(text)
    return {
        tuple(pair): [(e["start"], e["end"], e["rule"]) for e in evs]
        for pair, evs in zip(x["adopts"], x["adopts_evidence"], strict=True)
    }
