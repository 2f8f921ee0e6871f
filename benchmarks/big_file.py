"""One big file: a build's time and peak memory when a single input is tens of megabytes
(a year of a newspaper in one dump). Such a file is extracted in parts (govgraph.parts),
so memory should stay near that of a corpus of many small files.

    python benchmarks/big_file.py --size 50MB [--workers 2]

The file is the documents of benchmarks/corpus.py's corpus of that size, one after another
(kept in --work between runs). Peak RSS and PSS are summed over the build's process tree, as
in benchmarks/scale.py. Figures are printed, not asserted; the target is beside them.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from corpus import parse_size  # noqa: E402
from scale import corpus_dir, govgraph, run_measured  # noqa: E402

TARGET_GB = 2.0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=parse_size, default=parse_size("50MB"))
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "govgraph-bench")
    a = p.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    folder = a.work / f"big-{a.size}-{a.seed}"
    big = folder / "big.txt"
    if not big.exists():
        corpus = corpus_dir(a.work, a.size, a.seed)
        folder.mkdir(parents=True, exist_ok=True)
        with open(big.with_suffix(".tmp"), "w", encoding="utf-8") as f:
            for doc in sorted(corpus.glob("*.txt")):
                f.write(doc.read_text(encoding="utf-8"))
                f.write("\n\n")
        big.with_suffix(".tmp").rename(big)
    mb = big.stat().st_size / 1e6
    out = a.work / "out" / "big"
    shutil.rmtree(out, ignore_errors=True)
    r = run_measured(govgraph("build", str(folder), "-o", str(out), "--workers", str(a.workers), "--no-cache"))
    print(f"one file of {mb:.1f} MB, {a.workers} worker(s): {r['seconds']:.1f} s ({mb / r['seconds']:.3f} MB/s)")
    print(r["stdout"].strip())
    gb = r["peak_rss"] / 1e9
    print(
        f"peak RSS {gb:.2f} GB, PSS {r['peak_pss'] / 1e9:.2f} GB, sum of the processes' own peaks "
        f"{r['peak_rss_bound'] / 1e9:.2f} GB   target <= {TARGET_GB} GB  "
        f"{'met' if gb <= TARGET_GB else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
