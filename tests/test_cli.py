"""The command line: build outputs, summary, exit codes, errors without tracebacks."""

import json
import os
import subprocess
import sys

import pytest

from conftest import REPO
from govgraph.cli import main


def test_build_default_writes_all_three_outputs(built):
    assert (built / "govgraph.ttl").stat().st_size > 0
    assert (built / "govgraph.html").stat().st_size > 0
    docs = sorted(p.name for p in (built / "extractions").iterdir())
    assert docs == [
        f"{n}.json"
        for n in (
            "000_7d7087cbf997c871",
            "001_2702f03e66fac9c9",
            "002_79b23406edc23697",
            "003_1a65d64bf36f84fe",
            "004_ab7b0f57302c5d81",
        )
    ]
    x = json.loads((built / "extractions" / docs[0]).read_text(encoding="utf-8"))
    assert x["document"] == "000_7d7087cbf997c871.txt"
    for key in ("institutions", "regions", "mechanisms", "adopts", "quantities"):
        assert x[key], key


def test_turtle_parses(graph):
    assert len(graph) > 1000


def test_build_prints_summary_and_exits_0(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("　　湖北省荆州市中级人民法院开展交叉执行，执行到位金额4784.85万元。\n", encoding="utf-8")
    rc = main(["build", str(src), "-o", str(tmp_path / "out"), "--workers", "1"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "documents 1" in out and "institutions" in out and "time" in out
    x = json.loads((tmp_path / "out" / "extractions" / "in.json").read_text(encoding="utf-8"))
    assert [i["name"] for i in x["institutions"]] == ["荆州市中级人民法院"]
    assert x["quantities"][0]["value"] == 47848500


def test_bad_file_is_skipped_with_exit_1_and_good_ones_kept(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("　　荆州市中级人民法院开展交叉执行。\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    rc = main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "--workers", "1", "--no-page"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "bad.txt" in err and "NUL" in err
    assert (tmp_path / "out" / "extractions" / "good.json").exists()
    assert not (tmp_path / "out" / "extractions" / "bad.json").exists()


def test_nothing_built_exits_2_and_leaves_old_output(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "govgraph.ttl").write_text("old", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00")
    rc = main(["build", str(tmp_path / "bad.txt"), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 2
    assert "nothing built" in err and "Traceback" not in err
    assert (out / "govgraph.ttl").read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["build", "/no/such/path.txt"], "no such file"),
        (["build", "--format", "xml"], "unknown format"),
        (["evaluate", "/no/pred", "/no/gold"], "not found"),
        (["query", "SELECT * WHERE {?s ?p ?o}", "-g", "/no/graph.ttl"], "graph file not found"),
    ],
)
def test_errors_are_clean_messages(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def commands() -> dict:
    """The parser's commands, found by walking it (a new command is checked without listing it here)."""
    import argparse

    from govgraph.cli import _parser

    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_the_parser_has_every_command():
    assert {"build", "evaluate", "query", "view", "validate"} <= set(commands())


@pytest.mark.parametrize("command", [None, *sorted(commands())])
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as e:
        main(([command] if command else []) + ["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out
    assert f"govgraph {command or ''}".strip() in out.split("example", 1)[1]


def test_every_command_and_option_is_in_the_readme():
    """The README's Commands section names every command and every option of each (as the
    parser has them), so a new option is documented where users look."""
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    missing = []
    for name, parser in commands().items():
        if f"govgraph {name}" not in section:
            missing.append(name)
        for action in parser._actions:
            if action.option_strings and "--help" not in action.option_strings:
                if not any(o in section for o in action.option_strings):
                    missing.append(f"{name} {'/'.join(action.option_strings)}")
    assert missing == []


def test_python_dash_m_runs():
    r = subprocess.run([sys.executable, "-m", "govgraph", "--version"], capture_output=True, text=True)
    assert r.returncode == 0
    assert r.stdout.startswith("govgraph ")


@pytest.mark.parametrize(
    "argv, module",
    [
        ([], "govgraph.cli_args"),
        (["--help"], "govgraph.cli_args"),
        (["-h"], "govgraph.cli_args"),
        (["--version"], "govgraph.cli_args"),
        (["build", "--help"], "govgraph.cli_args"),
        (["evaluate", "-h"], "govgraph.cli_args"),
        (["build"], "govgraph.cli"),  # a command to run
        (["build", "x", "--help"], "govgraph.cli"),  # more than a request for help
        (["--debug", "--help"], "govgraph.cli"),
        (["bogus", "--help"], "govgraph.cli"),  # the parser's error, from the whole command
    ],
)
def test_help_starts_without_the_build_modules(argv, module):
    """`govgraph --help`, `govgraph COMMAND --help` and `--version` print from the parser
    alone: importing the build (its extraction rules) was most of their start-up."""
    code = (
        "import sys\n"
        f"sys.argv = ['govgraph', *{argv!r}]\n"
        "import govgraph.__main__ as m\n"
        "print(m.console.__module__, any(n.startswith(('govgraph.build', 'govgraph.extract')) for n in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == [module, str(module == "govgraph.cli")]


@pytest.mark.slow
def test_the_command_flushes_its_output_and_keeps_the_exit_code(built, tmp_path, capsys):
    """The command ends its process at once (no teardown): what it printed into a pipe
    (block-buffered) must still arrive, all of it, and errors must keep their exit code."""
    for q in (
        "SELECT ?n WHERE { ?i a org:Organization ; rdfs:label ?n } ORDER BY ?n",
        "SELECT ?n WHERE { ?i rdfs:label ?n } ORDER BY ?n LIMIT 3",
    ):  # less than a buffer
        argv = ["query", q, "-g", str(built / "govgraph.ttl"), "--format", "csv"]
        buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        r = subprocess.run([sys.executable, "-m", "govgraph", *argv], capture_output=True, text=True, env=buffered)
        assert r.returncode == 0
        assert main(argv) == 0
        # W3C CSV ends lines with CRLF, which text mode reads as \n
        assert r.stdout == capsys.readouterr().out.replace("\r\n", "\n") and r.stdout.startswith("n\n")
    r = subprocess.run(
        [sys.executable, "-m", "govgraph", "build", str(tmp_path / "missing"), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2 and "missing" in r.stderr and "Traceback" not in r.stderr


def test_query_over_built_graph(built, capsys):
    q = 'SELECT ?n WHERE { ?i a org:Organization ; rdfs:label ?n . FILTER(STR(?n) = "最高人民法院") }'
    assert main(["query", q, "-g", str(built / "govgraph.ttl"), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert rows == [{"n": {"type": "literal", "value": "最高人民法院", "xml:lang": "zh"}}]


def test_view_draws_a_focused_page(built, tmp_path, capsys):
    page = tmp_path / "focus.html"
    rc = main(["view", "-g", str(built / "govgraph.ttl"), "-o", str(page), "--focus", "交叉执行", "--depth", "1"])
    out = capsys.readouterr().out
    assert rc == 0
    assert page.read_text(encoding="utf-8").count("交叉执行") > 0
    shown, total = [int(x) for x in out.split(":")[1].split("nodes")[0].split(" of ")]
    assert 1 < shown < total


def test_view_unknown_focus_is_a_clean_error(built, tmp_path, capsys):
    rc = main(["view", "-g", str(built / "govgraph.ttl"), "-o", str(tmp_path / "x.html"), "--focus", "不存在的机制"])
    assert rc == 2
    assert "不存在的机制" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_query_table_aligns_chinese(built, capsys):
    q = 'SELECT ?n WHERE { ?i a org:Organization ; rdfs:label ?n . FILTER(STRSTARTS(STR(?n), "最高")) } ORDER BY ?n'
    assert main(["query", q, "-g", str(built / "govgraph.ttl")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "n" and set(lines[1]) == {"-"}
    assert "最高人民法院" in lines


def test_every_subpackage_is_shipped():
    """A non-editable install carries every package: pyproject lists each one."""
    import tomllib

    from conftest import REPO

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO / "src").parts) for p in (REPO / "src").rglob("__init__.py")}
    assert found | {"govgraph.ontology"} == listed


def test_validate_says_whether_a_graph_conforms(tmp_path, capsys):
    pytest.importorskip("pyshacl")
    from test_ontology import GOOD

    good = tmp_path / "good.ttl"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out
    bad = tmp_path / "bad.ttl"  # the court loses its label
    bad.write_text(GOOD.replace('rdfs:label "荆州市中级人民法院"@zh ;', ""), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "Conforms: False" in capsys.readouterr().out


def test_validate_without_pyshacl_is_a_clean_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyshacl", None)  # as if not installed
    g = tmp_path / "g.ttl"
    g.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    assert main(["validate", str(g)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'govgraph[validate]'" in err and "Traceback" not in err
