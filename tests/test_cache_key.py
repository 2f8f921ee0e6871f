"""The extraction cache key changes with every file that can change an extraction."""

from __future__ import annotations

import importlib.metadata
import shutil
from importlib import resources
from pathlib import Path

import pytest

from govgraph import cache, lexicon

PACKAGE = Path(str(resources.files("govgraph")))


@pytest.fixture
def package(tmp_path) -> Path:
    """A copy of the installed package (the ontology link followed), to edit."""
    root = tmp_path / "govgraph"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__"))
    # an editable install keeps the ontology outside the package folder: copy it in, as a wheel has it
    ontology = Path(str(resources.files("govgraph.ontology")))
    shutil.copytree(ontology, root / "ontology", ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    return root


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


# (file of the package, what is added to it)
CHANGES_THE_KEY = [
    ("evaluate.py", "\n# edited\n"),
    ("extract/mechanisms.py", "\n# edited\n"),
    ("lexicon.py", "\n# edited\n"),
    ("segment.py", "\n# edited\n"),
    ("data/triggers.tsv", "adopt\t施行\n"),
    ("data/institution_heads.tsv", "# a comment is enough\n"),
    ("data/regions.tsv", "999999\t某市\tprefecture\t\t\t\t\n"),
    ("ontology/mechanisms.ttl", "\n# edited\n"),
    ("extract/new_family.py", "RULES = ()\n"),  # a module added later is covered too
    ("data/new_rules.tsv", "a\tb\n"),
]


@pytest.mark.parametrize("name, text", CHANGES_THE_KEY)
def test_editing_a_module_or_rule_file_changes_the_key(package, name, text):
    before = cache.rules_key(package)
    append(package / name, text)
    assert cache.rules_key(package) != before


@pytest.mark.parametrize("name", ["data/corpus/000_7d7087cbf997c871.txt", "ontology/README.md", "data/SOURCES.md"])
def test_sample_articles_and_documentation_do_not(package, name):
    before = cache.rules_key(package)
    append(package / name, "\n编辑\n")
    assert cache.rules_key(package) == before


def test_the_key_of_the_installed_package_is_that_of_its_copy(package):
    assert cache.rules_key(package) == cache.rules_key()


def test_jiebas_version_and_the_user_lexicon_change_the_key(package, monkeypatch, tmp_path):
    before = cache.rules_key(package)
    # (cache reads importlib.metadata.version when it makes a key)
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name == "jieba" else "0")
    assert cache.rules_key(package) != before
    monkeypatch.undo()
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "triggers.tsv").write_text("role\tword\nadopt\t施行\n", encoding="utf-8")
    try:
        lexicon.use(lexicon.load_user_lexicon(tmp_path / "lex"))
        assert cache.rules_key(package) != before
    finally:
        lexicon.use(None)
    assert cache.rules_key(package) == before
