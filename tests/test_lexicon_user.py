"""`govgraph build --lexicon DIR`: the user's TSV files merged with the bundled rules."""

from __future__ import annotations

import json

import pytest

from govgraph import lexicon
from govgraph.api import build
from govgraph.cache import rules_key
from govgraph.cli import main
from govgraph.errors import GovgraphError
from govgraph.extract.regions import find_regions

HEADS = "surface\tcanonical\tkind\tscope\tlevel\tnot_before\tcollective_at\n"
MECHS = "pref\talt\tbroader\ten\n"
ARTICLE = "国家知产局推行云端调处法，并开展云端执行。\n"

GOOD = {
    "mechanisms.tsv": MECHS + "云端调处法\t云调法|云端调处\t\tcloud mediation\n云端执行\t\t交叉执行\t\n",
    "aliases.tsv": "alias\tname\tkind\n国家知产局\t国家知识产权局\tgovernment\n",
    "triggers.tsv": "role\tword\n# an extra trigger\nadopt\t施行\n",
}


@pytest.fixture(autouse=True)
def bundled_rules_after():
    yield
    lexicon.use(None)


def write(folder, files: dict):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def extraction(out, name="a"):
    return json.loads((out / "extractions" / f"{name}.json").read_text(encoding="utf-8"))


def test_user_terms_are_extracted_and_flow_to_worker_processes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):
        (src / f"{'abc'[k]}.txt").write_text(ARTICLE, encoding="utf-8")
    lex = write(tmp_path / "lex", GOOD)
    one = tmp_path / "one"
    build([str(src)], one, workers=1, progress=False, page=False, lexicon=lex, cache=False)
    x = extraction(one)
    mechanisms = {m["name"]: m for m in x["mechanisms"]}
    assert mechanisms["云端调处法"]["status"] == "curated"
    assert mechanisms["云端执行"]["broader"] == "交叉执行"
    assert "国家知识产权局" in [i["name"] for i in x["institutions"]]
    two = tmp_path / "two"
    build([str(src)], two, workers=2, progress=False, page=False, lexicon=lex, cache=False)
    for name in ("a", "b", "c"):
        assert extraction(two, name) == extraction(one, name)
    assert (two / "govgraph.ttl").read_bytes() == (one / "govgraph.ttl").read_bytes()
    # the same build without the lexicon knows none of it (推行云端调处法， may still be discovered
    # as a bare name a founding verb introduces, but not as the lexicon's concept)
    plain = tmp_path / "plain"
    build([str(src)], plain, workers=1, progress=False, page=False, cache=False)
    known = {m["name"]: m for m in extraction(plain)["mechanisms"]}
    assert "云端调处法" not in known or known["云端调处法"]["status"] != "curated"
    assert "国家知识产权局" not in [i["name"] for i in extraction(plain)["institutions"]]


@pytest.mark.slow
def test_the_lexicon_reaches_dask_workers(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    lex = write(tmp_path / "lex", GOOD)
    local = tmp_path / "local"
    build([str(src)], local, workers=1, progress=False, page=False, lexicon=lex, cache=False)
    lexicon.use(None)  # the parent forgets it: only the tasks carry it
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = tmp_path / "dask"
        build(
            [str(src)], on_dask, progress=False, page=False, lexicon=lex, cache=False, engine="dask", scheduler=client
        )
    assert extraction(on_dask) == extraction(local)
    assert (on_dask / "govgraph.ttl").read_bytes() == (local / "govgraph.ttl").read_bytes()


def test_the_lexicon_is_part_of_the_cache_key(tmp_path):
    plain = rules_key()
    lexicon.use(lexicon.load_user_lexicon(write(tmp_path / "lex", GOOD)))
    with_terms = rules_key()
    (tmp_path / "lex" / "triggers.tsv").write_text("role\tword\nadopt\t施行\nadopt\t推动\n", encoding="utf-8")
    lexicon.use(lexicon.load_user_lexicon(tmp_path / "lex"))
    assert len({plain, with_terms, rules_key()}) == 3
    lexicon.use(None)
    assert rules_key() == plain


def test_a_user_row_extends_a_bundled_mechanism(tmp_path):
    lexicon.use(
        lexicon.load_user_lexicon(write(tmp_path / "lex", {"mechanisms.tsv": MECHS + "交叉执行\t跨域交叉执行\t\t\n"}))
    )
    c = lexicon.mechanisms()["交叉执行"]
    assert "跨域交叉执行" in c.alts and not c.id.startswith("user-")
    lexicon.use(None)
    assert "跨域交叉执行" not in lexicon.mechanisms()["交叉执行"].alts


# (files, the problem reported: file:line and what is wrong)
INVALID = [
    ({"other.tsv": "a\n"}, "other.tsv: unknown lexicon file (expected one of: "),
    (
        {"mechanisms.tsv": "pref\tbroader\n云端执行\t交叉执行\n"},
        "mechanisms.tsv:1: the header must name the columns pref, alt",
    ),
    ({"mechanisms.tsv": MECHS + "云端执行\t\t\n"}, None),  # a short row: missing optional cells are fine
    ({"mechanisms.tsv": MECHS + "云端执行\t\t无此机制\t\n"}, "mechanisms.tsv:2: broader '无此机制' is neither"),
    ({"mechanisms.tsv": MECHS + "测\t\t\t\n"}, "mechanisms.tsv:2: label '测' is shorter than 2 characters"),
    (
        {"mechanisms.tsv": MECHS + "提级\t\t\t\n"},
        "mechanisms.tsv:2: label '提级' already names the bundled mechanism 提级执行",
    ),
    (
        {"mechanisms.tsv": MECHS + "甲乙法\t\t丙丁法\t\n丙丁法\t\t甲乙法\t\n"},
        "mechanisms.tsv:2: broader '丙丁法' makes a cycle",
    ),
    (
        {"mechanisms.tsv": MECHS + "甲乙法\t\t\t\n# again\n甲乙法\t\t\t\n"},
        "mechanisms.tsv:4: 甲乙法 is already on line 2",
    ),
    ({"mechanisms.tsv": MECHS + "\t甲乙\t\t\n"}, "mechanisms.tsv:2: column pref is empty"),
    (
        {"aliases.tsv": "alias\tname\tkind\n知产局\t国家知识产权局\tagency\n"},
        "aliases.tsv:2: kind 'agency' must be one of court",
    ),
    (
        {"aliases.tsv": "alias\tname\tkind\n知产局\t国家知识产权局\tgovernment\textra\n"},
        "aliases.tsv:2: 4 field(s), the header has 3",
    ),
    (
        {"institution_heads.tsv": HEADS + "调处中心\t{region}{stme}\tgovernment\tregional\t-\t-\t-\n"},
        "institution_heads.tsv:2: canonical '{region}{stme}' uses {stme}",
    ),
    (
        {"institution_heads.tsv": HEADS + "调处中心\t{region}调处中心\tgovernment\tlocal\t-\t-\t-\n"},
        "institution_heads.tsv:2: scope 'local' must be one of national",
    ),
    (
        {"institution_heads.tsv": HEADS + "调处中心\t{region}调处中心\tgovernment\tregional\tcity\t-\t-\n"},
        "institution_heads.tsv:2: level 'city' must be one of province",
    ),
    (
        {"institution_heads.tsv": HEADS + "调处中心\t{region}调处中心\tgovernment\tregional\t-\t-\tcounty,town\n"},
        "institution_heads.tsv:2: collective_at 'county,town' has town",
    ),
    (
        {"institution_heads.tsv": HEADS + "调处中心\t{region调处中心\tgovernment\tregional\t-\t-\t-\n"},
        "institution_heads.tsv:2: canonical '{region调处中心' is not a valid template",
    ),
    (
        {"collective_leads.tsv": "head\tlevel\tlead\n法院\tcounty\t{short}人民法院\n"},
        "collective_leads.tsv:2: lead '{short}人民法院' uses {short}",
    ),
    (
        {"regions.tsv": "code\tname\tlevel\tparent_code\tshort_names\tlat\tlon\n12345\t某市\tprefecture\t\t\t\t\n"},
        "regions.tsv:2: code '12345' must be a 6-digit GB/T 2260 code",
    ),
    ({"triggers.tsv": "role\tword\nadopt\t\n"}, "triggers.tsv:2: column word is empty"),
    ({"triggers.tsv": b"role\tword\nadopt\t\xff\n"}, "triggers.tsv: not UTF-8"),
    ({"triggers.tsv": ""}, "triggers.tsv: empty (expected a header line: role word)"),
]


@pytest.mark.parametrize("files, problem", INVALID)
def test_problems_name_the_file_the_line_and_what_is_wrong(tmp_path, files, problem):
    folder = tmp_path / "lex"
    folder.mkdir()
    for name, text in files.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (folder / name).write_bytes(data)
    if problem is None:
        lexicon.load_user_lexicon(folder)
        return
    with pytest.raises(GovgraphError) as e:
        lexicon.load_user_lexicon(folder)
    assert f"{folder / problem}" in str(e.value) or problem in str(e.value)


def test_every_problem_is_reported_at_once(tmp_path):
    folder = write(tmp_path / "lex", {"aliases.tsv": "alias\tname\tkind\na\tb\tbad\nc\td\tworse\n"})
    with pytest.raises(GovgraphError, match=r"2 problem\(s\)") as e:
        lexicon.load_user_lexicon(folder)
    assert "aliases.tsv:2:" in str(e.value) and "aliases.tsv:3:" in str(e.value)


def test_a_missing_or_empty_folder_is_an_error(tmp_path):
    with pytest.raises(GovgraphError, match="not a folder"):
        lexicon.load_user_lexicon(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GovgraphError, match="no \\*.tsv files"):
        lexicon.load_user_lexicon(tmp_path / "empty")


def test_cli_exits_2_and_writes_nothing_on_a_bad_lexicon(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bad = write(tmp_path / "bad", {"aliases.tsv": "alias\tname\tkind\n知产局\t国家知识产权局\tagency\n"})
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "--lexicon", str(bad), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert f"{bad / 'aliases.tsv'}:2: kind 'agency'" in err and "nothing was built" in err
    assert not out.exists()
    # a previous output stays as it was
    good = write(tmp_path / "good", GOOD)
    assert main(["build", str(src), "-o", str(out), "--lexicon", str(good), "--workers", "1", "--no-page"]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert main(["build", str(src), "-o", str(out), "--lexicon", str(bad), "--workers", "1", "--no-page"]) == 2
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("name", lexicon.bundled_data_files())
def test_every_data_file_takes_user_rows(tmp_path, name):
    """A user file named like a bundled one, with its rows, passes the checks and is read by
    the file's loader: the bundled rows are valid user rows, and none is lost or doubled."""
    from govgraph.lexicon_user import parse_rows

    bundled = lexicon._bundled_text(name)
    header, rows = parse_rows(bundled)
    lines = bundled.splitlines()
    sample = [lines[n - 1] for n, _ in rows[-3:]]
    write(tmp_path / "lex", {name: "\t".join(header) + "\n" + "\n".join(sample) + "\n"})
    lexicon.use(lexicon.load_user_lexicon(tmp_path / "lex"))
    merged = lexicon._rows(lexicon._data_text(name))
    assert len(merged) == len(rows) + len(sample)
    assert merged[-len(sample) :] == [row for _, row in rows[-3:]]


def test_the_words_that_rule_townships_out_are_data_a_user_can_add_to(tmp_path):
    text = "江北区观音桥街道探索网格治理。"
    assert "观音桥街道" in [r.surface for r in find_regions(text)]
    lexicon.use(
        lexicon.load_user_lexicon(write(tmp_path / "lex", {"township_words.tsv": "role\tword\nnot_stem\t观音桥\n"}))
    )
    assert "观音桥街道" not in [r.surface for r in find_regions(text)]
    lexicon.use(None)
    assert "观音桥街道" in [r.surface for r in find_regions(text)]
