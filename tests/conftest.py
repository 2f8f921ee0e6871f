"""Shared fixtures: one build of the bundled samples per test session."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# `govgraph query` and `view` keep graph stores in a cache folder: the tests' own, not the user's
os.environ.setdefault("GOVGRAPH_STORE_DIR", tempfile.mkdtemp(prefix="govgraph-test-stores-"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """`govgraph build` of the bundled samples (Turtle, N-Triples, TriG, JSON-LD, GraphML, page)."""
    from govgraph.api import build

    out = tmp_path_factory.mktemp("built")
    build(None, out, formats=("ttl", "nt", "trig", "nq", "jsonld", "graphml"), workers=1, progress=False)
    return out


@pytest.fixture(scope="session")
def graph(built):
    import rdflib

    g = rdflib.Graph()
    g.parse(built / "govgraph.ttl", format="turtle")
    return g


# Tests that start a real browser or a graph store take seconds each: slow, whatever the module.
SLOW_FIXTURES = {"browser", "virtuoso"}


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def need(tool: str) -> str:
    """Path of a Debian tool the test needs; CI installs it, so its absence is a failure there."""
    import os

    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed (.ci/run installs it)")
        pytest.skip(f"{tool} not installed")
    return path
