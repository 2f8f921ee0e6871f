"""The namespaces of the graph and the prefixes every govgraph file and query declares.

A module of its own, with nothing to import: `govgraph query` needs only the prefixes, and
`govgraph.model` (which re-exports them) loads the lexicons, 15 ms of every query's start-up.
"""

from __future__ import annotations

from .vocab import GG_NS

DEFAULT_BASE = "https://w3id.org/govgraph/id/"

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
PROV_NS = "http://www.w3.org/ns/prov#"
DCT_NS = "http://purl.org/dc/terms/"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
ORG_NS = "http://www.w3.org/ns/org#"
SDO_NS = "https://schema.org/"
OA_NS = "http://www.w3.org/ns/oa#"
GEO_NS = "http://www.w3.org/2003/01/geo/wgs84_pos#"


def project_prefixes(base: str) -> dict[str, str]:
    """The prefixes every govgraph file declares (`ggr` is the base of the IRIs it mints)."""
    return {
        "gg": GG_NS,
        "ggr": base,
        "org": ORG_NS,
        "schema": SDO_NS,
        "skos": SKOS_NS,
        "prov": PROV_NS,
        "oa": OA_NS,
        "geo": GEO_NS,
        "dcterms": DCT_NS,
        "rdfs": RDFS_NS,
        "rdf": RDF_NS,
        "xsd": XSD_NS,
    }
