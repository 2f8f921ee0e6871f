"""Big files in parts: where they are cut, and that the build of a file in parts gives one
sound extraction, the same whatever the workers or the cache."""

import json
import subprocess
import sys

import pytest
import rdflib

from govgraph import api, parts
from govgraph.build.jsonout import dumps
from govgraph.normalize import normalize_chars
from govgraph.pipeline import process, to_json
from govgraph.reader import bundled_corpus, read

BYLINE = "本报记者 张三"
PARA = "　　湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n"


def article(headline: str, n: int = 3) -> str:
    return f"{headline}\n{BYLINE}\n" + PARA * n + "\n"


@pytest.mark.parametrize(
    "text, size, expected",
    [
        # short: one part
        ("abc\n", 10, [0]),
        # an article start past the nominal size: cut at its headline, above the byline
        ("正文一二三四。\n正文。\n标题在此\n" + BYLINE + "\n正文。\n", 16, [0, 12]),
        # no byline: a blank line
        ("x" * 12 + "\n\n" + "z" * 8 + "\n", 10, [0, 14]),
        # no blank line: a line break
        ("x" * 12 + "\nzzzz\n", 10, [0, 13]),
        # one endless line: cut where the size says (no break within reach)
        ("x" * 25, 10, [0, 10, 20]),
        # a line break within reach (200 characters at least) past the size
        ("x" * 250 + "\n" + "z" * 5, 10, [0, 10, 20, 30, 40, 50, 251]),
    ],
)
def test_cut_points(text, size, expected):
    assert parts.cut_points(text, size) == expected


def test_cuts_fall_on_article_starts_of_a_page_dump():
    text = "".join(article(f"第{i}篇报道标题") for i in range(40))
    cuts = parts.cut_points(text, 1000)
    assert len(cuts) > 3 and cuts == sorted(set(cuts))
    for c in cuts[1:]:
        assert text[c:].startswith("第") and text[c - 1] == "\n"
    # parts are numbered on: every article once, in order
    found = [a for p in parts.split(text, 1000) for a in p.articles]
    assert [a.index for a in found] == list(range(40))
    assert [a.headline for a in found] == [f"第{i}篇报道标题" for i in range(40)]


@pytest.fixture
def big(tmp_path, monkeypatch):
    """The sample pages as one file, built in parts of 4,000 characters."""
    monkeypatch.setattr(parts, "PART_CHARS", 4000)
    folder = tmp_path / "in"
    folder.mkdir()
    text = "\n\n".join(read(p).text for p in bundled_corpus())
    (folder / "big.txt").write_text(text, encoding="utf-8")
    return folder, text


def test_a_file_in_parts_gives_one_sound_extraction(big, tmp_path):
    folder, text = big
    assert len(parts.cut_points(text)) > 5
    out = tmp_path / "out"
    r = api.build([str(folder)], out, formats=("ttl", "nt", "trig", "nq"), workers=2, progress=False, cache=False)
    assert r.documents == 1 and r.exit_code == 0
    text_json = (out / "extractions" / "big.json").read_text(encoding="utf-8")
    x = json.loads(text_json)
    assert text_json == dumps(x) + "\n"  # the layout of every other extraction JSON
    assert list(x) == list(to_json(process(read(bundled_corpus()[0]))))  # and its lists, in order
    assert [a["index"] for a in x["articles"]] == list(range(len(x["articles"]))) and r.articles == len(x["articles"])
    evidence = [
        ev for key in ("institutions", "regions", "mechanisms", "parent_bodies") for e in x[key] for ev in e["evidence"]
    ]
    evidence += [q["evidence"] for q in x["quantities"]] + [ev for evs in x["adopts_evidence"] for ev in evs]
    assert len(evidence) > 500
    for ev in evidence:  # offsets are the whole file's
        assert "".join(normalize_chars(text[ev["start"] : ev["end"]])[0].split()) == "".join(ev["quote"].split())
        assert ev["sentence_start"] <= ev["start"] <= ev["end"] <= ev["sentence_end"]
    for key in ("institutions", "regions", "mechanisms"):  # one entity per name, as in any document
        names = [e["name"] for e in x[key]]
        assert len(names) == len(set(names))
    assert "最高人民法院" in [e["name"] for e in x["institutions"]]
    assert len(x["adopts"]) == len(x["adopts_evidence"]) == len({tuple(p) for p in x["adopts"]})
    # the graph's institutions: those listed and the parent bodies named inside them, once each
    assert r.entities["institutions"] == len({e["name"] for e in x["institutions"] + x["parent_bodies"]})
    # the graph files parse; the file's own triples are one named graph (its parts' blocks
    # together), the rest the shared graph, each triple once
    g = rdflib.Graph().parse(out / "govgraph.ttl", format="turtle")
    assert len(g) == r.triples
    for fmt, name in (("trig", "govgraph.trig"), ("nquads", "govgraph.nq")):
        ds = rdflib.Dataset().parse(out / name, format=fmt)
        graphs = [c for c in ds.graphs() if len(c)]
        assert len(graphs) == 2 and sum(len(c) for c in graphs) == r.triples
        assert any(str(c.identifier).endswith("/graph/shared") for c in graphs)
    assert len((out / "govgraph.nq").read_text(encoding="utf-8").splitlines()) == r.triples


def test_parts_give_the_same_bytes_with_workers_and_cache(big, tmp_path):
    folder, _ = big
    a, b = tmp_path / "a", tmp_path / "b"
    api.build([str(folder)], a, workers=1, progress=False, cache=False)
    r = api.build([str(folder)], b, workers=2, progress=False)
    assert (r.extracted, r.cached) == (1, 0)
    r = api.build([str(folder)], b, workers=2, progress=False)  # every part from the cache
    assert (r.extracted, r.cached) == (0, 1)

    def tree(d):
        return {p.relative_to(d): p.read_bytes() for p in d.rglob("*") if p.is_file() and ".cache" not in p.parts}

    assert tree(a) == tree(b)
    assert not [p for p in b.iterdir() if p.name.startswith(".govgraph-json")]


@pytest.mark.slow
def test_a_50_mb_file_builds_in_bounded_memory(tmp_path):
    """50 MB in one file: built in parts, in a subprocess whose peak memory is bounded (a
    whole-file extraction took over 8 GB). The text is a real article among filler lines
    that hold no names, so the test takes seconds, not minutes."""
    folder = tmp_path / "in"
    folder.mkdir()
    filler = "这是一行没有任何机构名称的普通文字，用来把文件撑大。\n" * 40 + "\n"
    one = article("荆州法院推进交叉执行") + filler
    with open(folder / "huge.txt", "w", encoding="utf-8") as f:
        n = 0
        while n < 50_000_000:
            f.write(one)
            n += len(one.encode("utf-8"))
    code = (
        "import resource, sys; from govgraph.cli import main; rc = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)"
    )
    p = subprocess.run(
        [sys.executable, "-c", code, "build", str(folder), "-o", str(tmp_path / "out"), "--workers", "2", "--no-cache"],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stderr
    own_kb, child_kb = map(int, p.stdout.strip().splitlines()[-1].split())
    assert max(own_kb, child_kb) < 1_500_000  # kB: each process under 1.5 GB
    x = json.loads((tmp_path / "out" / "extractions" / "huge.json").read_text(encoding="utf-8"))
    assert len(x["articles"]) > 1000
    assert [e["name"] for e in x["institutions"]] == ["荆州市中级人民法院"]
    assert len(x["institutions"][0]["evidence"]) >= len(x["articles"]) * 3  # every article names it
