"""Every third-party module the package imports is installed by `pip install govgraph`
(a core dependency in pyproject.toml), or belongs to an extra and is one the package reports
as missing in words. A test environment holds the extras and more, so without this check a
module that only the tests' installs bring (numpy once came with dask) passes every test and
fails the README's `pip install . && govgraph build` on a fresh machine."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "govgraph"

# imported only where the package catches its absence and names the extra to install:
# module -> (extra, the requirement in that extra that brings it)
OPTIONAL = {
    "oxrdflib": ("store", "oxrdflib"),
    "pyshacl": ("validate", "pyshacl"),
    "dask": ("dask", "dask"),
    "distributed": ("dask", "dask"),  # dask[distributed]
}


def _requirement_name(spec: str) -> str:
    return re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def imported_top_level_modules() -> dict[str, list[str]]:
    """{top-level module: [files importing it]} over every import in the package, at module
    level or inside functions, relative imports left out."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], []).append(str(path.relative_to(ROOT)))
    return found


def third_party(found: dict[str, list[str]]) -> dict[str, list[str]]:
    # `_name`: the interpreter's own modules (model.py's _sha2 / _sha256 fast paths)
    return {
        m: f for m, f in found.items() if m not in sys.stdlib_module_names and not m.startswith("_") and m != "govgraph"
    }


def test_the_scan_sees_the_package_imports():
    found = imported_top_level_modules()
    assert {"rdflib", "jieba", "networkx", "pyvis", "pyoxigraph", "numpy"} <= set(third_party(found))
    assert "json" in found and "json" not in third_party(found)


def test_every_third_party_import_is_a_declared_dependency():
    project = _pyproject()
    core = {_requirement_name(s) for s in project["dependencies"]}
    extras = {extra: {_requirement_name(s) for s in specs} for extra, specs in project["optional-dependencies"].items()}
    distributions = packages_distributions()
    undeclared = []
    for module, files in sorted(third_party(imported_top_level_modules()).items()):
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        if names & core:
            continue
        extra, requirement = OPTIONAL.get(module, ("", ""))
        if requirement in extras.get(extra, set()):
            continue
        undeclared.append(f"{module} (imported in {', '.join(sorted(set(files)))})")
    assert not undeclared, "imported but not installed by `pip install govgraph`: " + "; ".join(undeclared)
