"""Bad input, hostile text and output safety: every case names the file, keeps the good
files' results, and leaves valid Turtle."""

import codecs
import json
import subprocess

import pytest
import rdflib

from conftest import need
from govgraph.cli import main

GOOD = "　　湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n"


def run(argv, capsys):
    rc = main(argv)
    cap = capsys.readouterr()
    assert "Traceback" not in cap.err
    return rc, cap.out, cap.err


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", " \n\u3000\n\t\n".encode("utf-8"), "is empty"),
        ("nul.txt", b"abc\x00def", "NUL"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "NUL"),
        ("latin1.txt", "café à la carte".encode("latin-1") + b"\xff\xfe\xfd", "neither UTF-8"),
    ],
)
def test_bad_file_named_and_good_file_kept(tmp_path, capsys, name, data, problem):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    rc, out, err = run(["build", str(tmp_path), "-o", str(tmp_path / "out"), "--workers", "1", "--no-page"], capsys)
    assert rc == 1
    assert name in err and problem in err
    x = json.loads((tmp_path / "out" / "extractions" / "good.json").read_text(encoding="utf-8"))
    assert x["institutions"][0]["name"] == "荆州市中级人民法院"


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("gb18030"),
        lambda s: s.encode("utf-16"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_encodings_and_line_ends_give_the_same_extraction(tmp_path, capsys, encode):
    (tmp_path / "a.txt").write_bytes(encode(GOOD + GOOD.replace("荆州市", "宜昌市")))
    rc, _, _ = run(
        ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--workers", "1", "--no-page"], capsys
    )
    assert rc == 0
    x = json.loads((tmp_path / "out" / "extractions" / "a.json").read_text(encoding="utf-8"))
    assert [i["name"] for i in x["institutions"]] == ["荆州市中级人民法院", "宜昌市中级人民法院"]
    assert [q["value"] for q in x["quantities"]] == [47848500, 47848500]


def test_unreadable_entry_is_reported(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    rc, _, err = run(["build", str(tmp_path), "-o", str(tmp_path / "out"), "--workers", "1", "--no-page"], capsys)
    assert rc == 1
    assert "dangling.txt" in err and "cannot be read" in err


def test_very_long_line(tmp_path, capsys):
    line = "荆州市中级人民法院推行交叉执行" * 4000  # 60,000 characters, no sentence end
    (tmp_path / "long.txt").write_text(line, encoding="utf-8")
    rc, _, _ = run(
        ["build", str(tmp_path / "long.txt"), "-o", str(tmp_path / "out"), "--workers", "1", "--no-page"], capsys
    )
    assert rc == 0
    x = json.loads((tmp_path / "out" / "extractions" / "long.json").read_text(encoding="utf-8"))
    assert x["institutions"][0]["name"] == "荆州市中级人民法院"


HOSTILE = (
    "　　荆州市中级人民法院推行“六调联动”解纷机制，引用 \"quote\" 'single' \\backslash\\ "
    '""" triple """ > < & <script>alert(1)</script> <img src=x onerror=alert(1)> href=javascript:x '
    "^^xsd:string @zh \u2028 \u0007\u001b 执行到位金额4784.85万元。\n"
)


def test_hostile_text_keeps_turtle_valid_everywhere(tmp_path, capsys):
    src = tmp_path / 'we"ird\\name.txt'
    src.write_text(HOSTILE, encoding="utf-8")
    rc, _, _ = run(
        ["build", str(src), "-o", str(tmp_path / "out"), "--workers", "1", "--format", "ttl,nt,trig,nq,jsonld"], capsys
    )
    assert rc == 0
    ttl = tmp_path / "out" / "govgraph.ttl"
    g = rdflib.Graph().parse(ttl, format="turtle")
    sentences = [str(o) for o in g.objects(None, rdflib.URIRef("https://w3id.org/govgraph/ontology#sentence"))]
    assert any("<script>" in s and '"""' in s and "\\backslash\\" in s for s in sentences)
    for fmt, name in (
        ("nt", "govgraph.nt"),
        ("trig", "govgraph.trig"),
        ("nquads", "govgraph.nq"),
        ("json-ld", "govgraph.jsonld"),
    ):
        if fmt in ("trig", "nquads"):
            rdflib.Dataset().parse(tmp_path / "out" / name, format=fmt)
        else:
            rdflib.Graph().parse(tmp_path / "out" / name, format=fmt)
    rapper = need("rapper")
    r = subprocess.run([rapper, "-i", "turtle", "-c", str(ttl)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    serdi = need("serdi")
    r = subprocess.run([serdi, "-i", "turtle", "-o", "ntriples", str(ttl)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    page = (tmp_path / "out" / "govgraph.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>alert" not in page


def test_never_overwrites_a_file_it_did_not_write(tmp_path, capsys):
    (tmp_path / "in.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "govgraph.ttl").write_text("my own notes", encoding="utf-8")
    rc, _, err = run(["build", str(tmp_path / "in.txt"), "-o", str(out), "--workers", "1"], capsys)
    assert rc == 2
    assert "govgraph.ttl" in err and "not written by govgraph" in err
    assert (out / "govgraph.ttl").read_text(encoding="utf-8") == "my own notes"
    assert not list(out.rglob("*.tmp"))  # no half-written output left behind


def test_rebuild_replaces_its_own_files_and_drops_stale_ones(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text(GOOD.replace("荆州市", "宜昌市"), encoding="utf-8")
    out = tmp_path / "out"
    assert run(["build", str(src), "-o", str(out), "--workers", "1", "--no-page"], capsys)[0] == 0
    (out / "notes.md").write_text("mine", encoding="utf-8")  # the user's file beside ours
    (src / "b.txt").unlink()
    assert run(["build", str(src), "-o", str(out), "--workers", "1", "--no-page"], capsys)[0] == 0
    assert (out / "extractions" / "a.json").exists()
    assert not (out / "extractions" / "b.json").exists()  # ours, and no longer built
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("rel", ["../escape.txt", "/tmp/abs.txt", "extractions/../../x.json"])
def test_output_names_cannot_leave_out(tmp_path, rel):
    from govgraph.build.outputs import Outputs
    from govgraph.errors import GovgraphError

    with pytest.raises(GovgraphError, match="leave the output folder"):
        Outputs(tmp_path).open(rel)


def test_output_cannot_leave_out_through_a_link(tmp_path):
    from govgraph.build.outputs import Outputs
    from govgraph.errors import GovgraphError

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "extractions").symlink_to(elsewhere)
    with pytest.raises(GovgraphError, match="through a link"):
        Outputs(out).open("extractions/a.json")
    assert not list(elsewhere.iterdir())
