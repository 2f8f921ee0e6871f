"""govgraph: Chinese legal and governance news → a knowledge graph of institutions, regions,
mechanisms and outcomes, every fact traceable to the sentence that states it.

Importing the package is cheap; the pipeline loads jieba, rdflib and pyvis only when used.
"""

__version__ = "0.1.0"
