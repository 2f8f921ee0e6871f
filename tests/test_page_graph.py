"""The build's page graph without networkx (`PageModel.page_graph`) gives the page that the
networkx view gives, and answers as networkx's MultiDiGraph does where the page asks."""

from __future__ import annotations

import pytest

from govgraph.build.page import PageModel
from govgraph.build.rows import page_rows
from govgraph.pipeline import process
from govgraph.reader import bundled_corpus, read
from govgraph.triples import TripleEmitter
from govgraph.viz import render_page


@pytest.fixture(scope="module")
def model():
    em = TripleEmitter()
    view = PageModel()
    for f in bundled_corpus():
        dt = em.emit(process(read(f)))
        view.add(page_rows(dt.plain, em.base, dt.evidence))
        for block in dt.keyed.values():  # regions and concepts (a build takes each key's first)
            view.add(page_rows(block, em.base))
    return view


@pytest.mark.parametrize("page_nodes", [1, 40, 2000])
def test_the_page_graph_gives_the_networkx_page(model, page_nodes):
    nxg, pg = model.to_networkx(page_nodes), model.page_graph(page_nodes)
    assert pg.number_of_nodes() == nxg.number_of_nodes() > 300
    assert render_page(pg, max_nodes=page_nodes) == render_page(nxg, max_nodes=page_nodes)
    assert dict(pg.nodes(data=True)) == dict(nxg.nodes(data=True))
    assert dict(pg.degree(list(pg.nodes))) == dict(nxg.degree(list(nxg.nodes)))
    assert sorted(pg.edges(keys=True, data=True)) == sorted(nxg.edges(keys=True, data=True))
    hub = max(nxg.nodes, key=nxg.degree)
    assert pg.degree(hub) == nxg.degree(hub)
    assert list(pg.successors(hub)) == list(nxg.successors(hub))
    assert list(pg.predecessors(hub)) == list(nxg.predecessors(hub))


def test_the_page_graph_takes_a_focus_and_a_region(model):
    nxg, pg = model.to_networkx(2000), model.page_graph(2000)
    hub = max(nxg.nodes, key=nxg.degree)
    label = nxg.nodes[hub]["label"]
    assert render_page(pg, focus=label, max_nodes=50) == render_page(nxg, focus=label, max_nodes=50)
    region = next(d["label"] for _, d in nxg.nodes(data=True) if d["cls"] == "region")
    assert render_page(pg, region=region) == render_page(nxg, region=region)
