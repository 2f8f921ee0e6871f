"""Generate a corpus of unique documents of the genre, of a given total size, deterministically.

    python benchmarks/corpus.py --size 10MB --out /tmp/corpus-10MB [--seed 7]

Sentences, headlines and bylines of the bundled sample pages become templates: every region
name of the gazetteer in them becomes a slot of its level, every number a slot of its
length (years, months and days stay dates). A document is one to three articles (headline, byline, paragraphs of sentences drawn
from all the samples), its slots filled from one province, prefecture and county of the
gazetteer (so institutions, regions and their chains vary) and fresh numbers; half the
documents are laid out like page dumps (lines broken every 18-20 characters, blank lines in
between), half one paragraph per line. File names are NNNNNN_<digest>.txt.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATES = {"year": (2015, 2025), "month": (1, 12), "day": (1, 28)}
UNITS = {"KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*([0-9.]+)\s*([KMG]B)?\s*", text.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"size like 1MB, 500KB: {text!r}")
    return int(float(m.group(1)) * UNITS.get(m.group(2) or "MB"))


class Templates:
    """Sentences, headlines and bylines of the samples with region and number slots."""

    def __init__(self):
        from govgraph.lexicon import gazetteer
        from govgraph.normalize import unwrap
        from govgraph.reader import bundled_corpus, read
        from govgraph.segment import segment

        gaz = gazetteer()
        self.by_level: dict[str, list] = {}
        for d in gaz.by_code.values():
            self.by_level.setdefault(d.level, []).append(d)
        for v in self.by_level.values():
            v.sort(key=lambda d: d.code)
        self.children: dict[str, list] = {}
        for d in gaz.by_code.values():
            if d.parent_code:
                self.children.setdefault(d.parent_code, []).append(d)
        for v in self.children.values():
            v.sort(key=lambda d: d.code)
        self.gaz = gaz
        names = sorted({d.name for d in gaz.by_code.values() if len(d.name) >= 3}, key=lambda s: (-len(s), s))
        level_of = {}
        for d in gaz.by_code.values():
            level_of.setdefault(d.name, d.level)
        self._level_of = level_of
        self._names = re.compile("|".join(map(re.escape, names)))
        self.sentences: list[str] = []
        self.headlines: list[str] = []
        self.bylines: list[str] = []
        for f in bundled_corpus():
            clean = unwrap(read(f).text)
            for art in segment(clean):
                if art.headline:
                    self.headlines.append(self._slots(art.headline))
                if art.byline:
                    self.bylines.append(art.byline)
                for s in art.sentences:
                    if len(s.text) >= 8:
                        self.sentences.append(self._slots(s.text))
        if not self.headlines:
            self.headlines = ["{prefecture}推进{num3}项改革"]
        if not self.bylines:
            self.bylines = ["□ 本报记者 张三"]

    def _slots(self, text: str) -> str:
        text = text.replace("{", "（").replace("}", "）")
        text = self._names.sub(lambda m: "{" + self._level_of[m.group(0)] + "}", text)
        text = re.sub(r"[0-9]{4}(?=年)", "{year}", text)
        text = re.sub(r"[0-9]{1,2}(?=月)", "{month}", text)
        text = re.sub(r"[0-9]{1,2}(?=日)", "{day}", text)
        return re.sub(r"[0-9]+", lambda m: "{num" + str(min(len(m.group(0)), 6)) + "}", text)


def _place(t: Templates, rng: random.Random) -> dict[str, str]:
    """A province, one of its prefectures and one of their counties (where the gazetteer has them)."""
    prov = rng.choice(t.by_level["province"])
    pref = rng.choice(t.children.get(prov.code) or t.by_level["prefecture"])
    county = rng.choice(t.children.get(pref.code) or t.by_level["county"])
    out = {"province": prov.name, "prefecture": pref.name, "county": county.name}
    for level in ("township", "village"):
        if level in t.by_level:
            out[level] = rng.choice(t.by_level[level]).name
        else:
            out[level] = county.name
    return out


def _fill(template: str, place: dict[str, str], t: Templates, rng: random.Random) -> str:
    def slot(m):
        key = m.group(1)
        if key in DATES:
            return str(rng.randint(*DATES[key]))
        if key.startswith("num"):
            n = int(key[3:])
            return str(rng.randint(10 ** (n - 1) if n > 1 else 0, 10**n - 1))
        if rng.random() < 0.15:  # now and then a region from elsewhere
            pool = t.by_level.get(key) or t.by_level["county"]
            return rng.choice(pool).name
        return place.get(key, place["county"])

    return re.sub(r"\{([a-z]+[0-9]?)\}", slot, template)


def _layout(paragraphs: list[str], wrapped: bool, rng: random.Random) -> str:
    if not wrapped:
        return "\n\n".join(paragraphs) + "\n"
    out = []
    for p in paragraphs:
        width = rng.randint(18, 20)
        lines = [p[i : i + width] for i in range(0, len(p), width)]
        out.append("\n\n".join(lines))
    return "\n\n".join(out) + "\n"


def document(t: Templates, rng: random.Random, target: int) -> str:
    place = _place(t, rng)
    wrapped = rng.random() < 0.5
    parts: list[str] = []
    size = 0
    n_articles = rng.choice((1, 1, 2, 3))
    for a in range(n_articles):
        paragraphs = [_fill(rng.choice(t.headlines), place, t, rng), rng.choice(t.bylines)]
        budget = target // n_articles
        used = 0
        while used < budget:
            k = rng.randint(1, 4)
            text = "".join(_fill(rng.choice(t.sentences), place, t, rng) for _ in range(k))
            paragraphs.append("\u3000\u3000" + text)
            used += len(text.encode("utf-8"))
        parts.append(_layout(paragraphs, wrapped, rng))
        size += used
    return "\n".join(parts)


def generate(out: Path, total_bytes: int, seed: int = 7, quiet: bool = False) -> list[Path]:
    t = Templates()
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    written: list[Path] = []
    size = 0
    i = 0
    while size < total_bytes:
        text = document(t, rng, rng.randint(4_000, 24_000))
        data = text.encode("utf-8")
        h = hashlib.sha256(data).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        p = out / f"{i:06d}_{h[:16]}.txt"
        p.write_bytes(data)
        written.append(p)
        size += len(data)
        i += 1
    if not quiet:
        print(f"{len(written)} documents, {size / 1e6:.2f} MB in {out}")
    return written


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=parse_size, default=parse_size("1MB"), help="total size, e.g. 1MB, 10MB, 100MB")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    generate(a.out, a.size, a.seed)


if __name__ == "__main__":
    main()
