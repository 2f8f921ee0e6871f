"""Properties over arbitrary text: extraction never crashes, evidence offsets point at their
quotes, and the Turtle of any document parses back to the same graph."""

import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from govgraph.export import turtle
from govgraph.graph import GraphBuilder
from govgraph.normalize import normalize_chars
from govgraph.pipeline import process
from govgraph.reader import Source

# Text that looks like the genre, mixed with anything Unicode has (controls, quotes,
# backslashes, markup), so that rules fire and escaping is exercised.
WORDS = [
    "湖北省",
    "荆州市",
    "中级人民法院",
    "中院",
    "法院",
    "公安局",
    "派出所",
    "交叉执行",
    "提级执行",
    "“六调联动”",
    "机制",
    "开展",
    "推行",
    "72843件",
    "398.91亿元",
    "56.74%",
    "近30万件",
    "一天之内",
    "全国法院",
    "该院",
    "，",
    "。",
    "\n",
    "\n\n",
    "　　",
    "□ 本报记者 ",
    "# ",
    "图① ",
    '"',
    "\\",
    "'''",
    '"""',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "href",
    "\x00",
    "\x1f",
    "\u2028",
    "\ud7ff",
    "\U0001f600",
    ">",
    "@zh",
    "^^",
]
genre_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=60).map("".join)


def build_doc(text):
    return process(Source(name="p.txt", path="p.txt", text=text, encoding="utf-8"))


@given(genre_text)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extraction_never_crashes_and_offsets_hold(text):
    x = build_doc(text)
    evidence = [
        e
        for group in (x.institutions, x.regions, x.mechanisms, x.parent_bodies)
        for item in group
        for e in item.evidence
    ] + [q.evidence for q in x.quantities]
    for e in evidence:
        assert 0 <= e.start <= e.end <= len(text)
        assert e.exact == text[e.start : e.end]
        original = "".join(normalize_chars(text[e.start : e.end])[0].split())
        assert original == "".join(e.quote.split())


@given(genre_text)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_turtle_round_trips(text):
    b = GraphBuilder()
    b.add(build_doc(text))
    ttl = turtle(b.g)
    back = rdflib.Graph().parse(data=ttl, format="turtle")
    assert isomorphic(back, b.g)


# ---------------------------------------------------------------- fuzzing the quantity parser

from govgraph.extract.quantities import find_quantities  # noqa: E402


@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789.,万亿千百十一二两三余多近超约件元人次名天日%个月小时年第 ，。")),
        max_size=40,
    )
    | st.text(max_size=40)
)
@settings(max_examples=400, deadline=None)
def test_quantity_parser_never_crashes_and_spans_hold(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.value >= 0 and q.value == q.value and q.value != float("inf")


@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from([("件", "case", 1), ("万元", "CNY", 10**4), ("亿元", "CNY", 10**8), ("人次", "person_time", 1)]),
)
@settings(max_examples=200, deadline=None)
def test_quantity_values_round_trip(n, unit):
    word, spec, factor = unit
    [q] = find_quantities(f"案件数量为{n}{word}。")
    assert (q.value, q.unit) == (n * factor, spec)
