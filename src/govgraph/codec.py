"""Extraction records as JSON and back, validated on read: the cache holds data, never code.

An entry is one JSON document::

    {"format": "govgraph-records/1", "document": "a.txt", "key": "<document key>",
     "strings": ["a.txt", "荆州市中级人民法院", ...], "records": [...]}

Each record (`records.Extraction` and the dataclasses inside it) is an array of its fields in
declaration order, so the layout follows `records.py` without a hand-written schema. Every
string is an index into `strings`: a sentence is written once, however many evidence items
quote it. `decode` checks every value against the field's declared type and raises
`BadEntry` on anything else (wrong shape, wrong type, an index out of range, a record for
another document), so a damaged or hostile entry is dropped, never believed and never run.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from .records import Extraction

FORMAT = "govgraph-records/1"


class BadEntry(ValueError):
    """A cache entry that is not a valid record of the expected document."""


def encode(x: Extraction, key: str) -> bytes:
    """The JSON bytes of `x`, tied to its document name and cache key."""
    strings: dict[str, int] = {}

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            index = strings.get(value)
            if index is None:
                index = strings[value] = len(strings)
            return index
        if isinstance(value, list):
            return [walk(v) for v in value]
        names = _field_names(value.__class__)
        if names is not None:
            return [walk(getattr(value, name)) for name in names]
        return value  # int, float, bool, None

    records = walk(x)
    entry = {"format": FORMAT, "document": x.document, "key": key, "strings": list(strings), "records": records}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a record class in declaration order (asked once per class, not once per
    record: `dataclasses.fields` builds its tuple at every call); None: not a record."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def decode(blob: bytes, document: str, key: str) -> Extraction:
    """The records in `blob`, checked to be an entry of `document` under `key`."""
    try:
        entry = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise BadEntry(f"not JSON ({type(e).__name__})") from None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        raise BadEntry("not a govgraph records entry")
    if entry.get("document") != document or entry.get("key") != key:
        raise BadEntry(f"an entry of another document ({str(entry.get('document'))[:80]!r})")
    strings = entry.get("strings")
    if not isinstance(strings, list) or not all(isinstance(s, str) for s in strings):
        raise BadEntry("bad string table")
    x = _reader(Extraction)(entry.get("records"), strings)
    if x.document != document:
        raise BadEntry("records of another document")
    return x


Reader = Callable[[Any, list], Any]


def _string(value: Any, strings: list) -> str:
    if type(value) is not int or not 0 <= value < len(strings):
        raise BadEntry("bad string reference")
    return strings[value]


def _int(value: Any, strings: list) -> int:
    if type(value) is not int:
        raise BadEntry("expected an integer")
    return value


def _float(value: Any, strings: list) -> float:
    if type(value) not in (int, float):
        raise BadEntry("expected a number")
    return value


def _bool(value: Any, strings: list) -> bool:
    if type(value) is not bool:
        raise BadEntry("expected true or false")
    return value


_SCALARS: dict[Any, Reader] = {str: _string, int: _int, float: _float, bool: _bool}


def _type_reader(tp: Any) -> Reader:
    """The reader of one declared field type: scalars, `X | None`, `list[X]` and records."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _reader(tp)
    args = typing.get_args(tp)
    if typing.get_origin(tp) is list:
        item = _type_reader(args[0])

        def read_list(value: Any, strings: list) -> list:
            if type(value) is not list:
                raise BadEntry("expected a list")
            return [item(v, strings) for v in value]

        return read_list
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = _type_reader(next(a for a in args if a is not type(None)))
        return lambda value, strings: None if value is None else inner(value, strings)
    raise TypeError(f"records field type {tp!r} has no JSON reader")  # a new kind of field in records.py


@cache
def _reader(cls: type) -> Reader:
    """The reader of one record class: an array of its fields, each checked by its type."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    if any(f.kw_only or not f.init for f in fields):  # the values are passed in field order
        raise TypeError(f"records class {cls.__name__} has a field that is not an argument in order")
    readers = [_type_reader(hints[f.name]) for f in fields]

    def read_record(value: Any, strings: list) -> Any:
        if type(value) is not list or len(value) != len(readers):
            raise BadEntry(f"expected a {cls.__name__} record")
        return cls(*[read(v, strings) for read, v in zip(readers, value)])

    return read_record
