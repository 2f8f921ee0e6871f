"""Reading input: encodings, discovery, errors that name the file."""

import codecs

import pytest

from govgraph.errors import GovgraphError, InputError
from govgraph.reader import bundled_corpus, decode, discover, read

TEXT = "荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_decode_each_encoding(data, encoding):
    text, enc = decode(data, "x.txt")
    assert text == TEXT
    assert enc == encoding


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"abc\x00def", "NUL"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\xff\xfe\x00\xd8", "UTF-16"),  # BOM then a lone surrogate
        (b"\x81\x30\xff\xff", "neither UTF-8"),  # broken GB18030 four-byte sequence
    ],
)
def test_undecodable_input_names_file_and_problem(data, problem):
    with pytest.raises(InputError) as e:
        decode(data, "bad.txt")
    assert "bad.txt" in str(e.value)
    assert problem in str(e.value)


def test_read_keeps_crlf_so_offsets_match_the_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("第一行\r\n第二行".encode())
    src = read(p)
    assert src.text == "第一行\r\n第二行"
    assert src.name == "a.txt"


def test_discover_walks_folders_sorted_and_dedups(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x", encoding="utf-8")
    (tmp_path / "1.txt").write_text("x", encoding="utf-8")
    (tmp_path / "note.md").write_text("x", encoding="utf-8")
    files = discover([tmp_path, tmp_path / "1.txt"]).files
    assert [f.name for f in files] == ["1.txt", "2.txt"]


def test_discover_errors(tmp_path):
    with pytest.raises(GovgraphError, match="no such file"):
        discover([tmp_path / "missing.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(GovgraphError, match="no .txt files"):
        discover([tmp_path / "empty"])


def test_discover_survives_symlink_loop(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    assert [f.name for f in discover([tmp_path / "d"]).files] == ["a.txt"]


def test_bundled_corpus_is_shipped():
    names = [p.name for p in bundled_corpus()]
    assert len(names) == 5
    assert names[0] == "000_7d7087cbf997c871.txt"
