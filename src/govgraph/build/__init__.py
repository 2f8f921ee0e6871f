"""`govgraph build`, along its seams:

* `tasks`: what a worker does with one document (or one part of a big file);
* `sink`: the merged graph, sorted N-Triples lines in bounded memory;
* `writers`: Turtle and N-Triples, by one writer or by range writer processes;
* `rows` and `page`: the network view the page, GraphML and `govgraph view` draw;
* `counts`: what the graph holds (distinct nodes per class, facts), for the summary and page;
* `jsonout`: the extraction JSON;
* `outputs`: atomic writes, and only of govgraph's own files;
* `run`: `build` itself, in named phases.
"""
