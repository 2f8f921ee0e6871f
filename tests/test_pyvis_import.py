"""pyvis is imported without IPython (a third of a second per page), networkx (a tenth) or
jsonpickle (a thirtieth), and still gives the real IFrame when asked for one (notebooks'
`Network.show()`), reads a networkx graph (`Network.from_nx`) and writes JSON (`to_json`)."""

from __future__ import annotations

import subprocess
import sys

import pytest

WITHOUT_IPYTHON = """
import sys
from govgraph import viz
viz._pyvis_network()
assert "pyvis.network" in sys.modules
assert "IPython" not in sys.modules and "IPython.display" not in sys.modules, "IPython was imported"
import pyvis.network
frame = pyvis.network.IFrame("page.html", width=10, height=10)
from IPython.display import IFrame
assert isinstance(frame, IFrame), type(frame)
"""

WITHOUT_NETWORKX = """
import sys
from govgraph import viz
Network = viz._pyvis_network()
assert "networkx" not in sys.modules, "networkx was imported"
import networkx
net = Network(directed=True)
net.from_nx(networkx.path_graph(3))
assert len(net.nodes) == 3 and "networkx" in sys.modules
"""

WITHOUT_JSONPICKLE = """
import json, sys
from govgraph import viz
Network = viz._pyvis_network()
assert "jsonpickle" not in sys.modules and "yaml" not in sys.modules, "jsonpickle was imported"
net = Network(directed=True)
net.add_node("a")
assert json.loads(net.to_json())["py/object"] == "pyvis.network.Network" and "jsonpickle" in sys.modules
"""

IPYTHON_FIRST = """
from IPython.display import IFrame
from govgraph import viz
viz._pyvis_network()
import pyvis.network
assert pyvis.network.IFrame is IFrame
"""


@pytest.mark.parametrize(
    "code",
    [WITHOUT_IPYTHON, IPYTHON_FIRST, WITHOUT_NETWORKX, WITHOUT_JSONPICKLE],
    ids=["without-ipython", "ipython-first", "no-networkx", "no-jsonpickle"],
)
def test_pyvis_imports_without_ipython_and_keeps_its_iframe(code):
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
