"""jieba is imported without setuptools' pkg_resources (80 ms per process), reads the same
dictionary through its fallback, and leaves pkg_resources importable afterwards."""

from __future__ import annotations

import subprocess
import sys

import pytest

WITHOUT_PKG_RESOURCES = """
import sys
from govgraph.segment import jieba_cut, jieba_pos
assert jieba_cut("荆州市中级人民法院推进交叉执行") == ["荆州市", "中级", "人民法院", "推进", "交叉", "执行"]
assert jieba_pos("荆州市中级人民法院")[0] == ("荆州市", "ns")
assert "pkg_resources" not in sys.modules, "pkg_resources was imported"
import jieba
assert jieba.dt.FREQ["人民法院"] > 0
"""

PKG_RESOURCES_FIRST = """
import sys, warnings
warnings.simplefilter("ignore")
try:
    import pkg_resources
except ImportError:  # a setuptools without it: nothing to check
    raise SystemExit(0)
from govgraph.segment import jieba_cut
jieba_cut("人民法院")
import jieba._compat
assert jieba._compat.pkg_resources is pkg_resources
"""

AFTER = """
import sys
from govgraph.segment import jieba_cut
jieba_cut("人民法院")
assert "pkg_resources" not in sys.modules
try:
    import pkg_resources  # the stand-in is gone: a later import is a real one (or a real failure)
except ImportError as e:
    assert "None in sys.modules" not in str(e), e
"""


@pytest.mark.parametrize(
    "code", [WITHOUT_PKG_RESOURCES, PKG_RESOURCES_FIRST, AFTER], ids=["without", "loaded-first", "importable-after"]
)
def test_jieba_imports_without_pkg_resources(code):
    r = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


POS_TABLE = """
from govgraph.segment import jieba_pos
assert jieba_pos("荆州市中级人民法院")[0] == ("荆州市", "ns")
import jieba, jieba.posseg
table = dict(jieba.posseg.dt.word_tag_tab)
jieba.posseg.dt.load_word_tag(jieba.dt.get_dict_file())  # jieba's own reading, line by line
assert table == jieba.posseg.dt.word_tag_tab
"""


def test_posseg_tag_table_is_jiebas_own():
    """segment reads the dictionary's word tags whole: the table is the one jieba's import builds."""
    r = subprocess.run([sys.executable, "-W", "ignore", "-c", POS_TABLE], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
