"""Plain typed records passed between pipeline stages.

Offsets (`start`, `end`) always index the *original* text of the document as decoded, so
that a user can find every fact in the file they gave us. Text fields hold the clean,
unwrapped form.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the document, the sentence and the span of the mention."""

    document: str
    article: int
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    quote: str  # the mention as clean text
    exact: str = ""  # the original text between start and end, line breaks and all
    rule: str = ""  # the id of the rule that matched (data/*.tsv, ontology/mechanisms.ttl)

    def to_json(self) -> dict:
        return {
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Sentence:
    """One sentence of clean text with its place in the document."""

    index: int
    article: int
    text: str
    clean_start: int  # offset into the clean text
    start: int  # offsets into the original text
    end: int


@dataclass
class Article:
    index: int
    headline: str
    byline: str
    clean_start: int
    clean_end: int
    sentences: list[Sentence] = field(default_factory=list)
    date: str | None = None  # ISO date from the dateline (2025年4月7日电), when the text gives a year
    headline_from_lead: bool = False  # no title lines: the headline is a stand-in cut from the lead


@dataclass
class Entity:
    """A resolved thing with its canonical name and every surface form seen."""

    label: str  # region | institution | mechanism
    name: str
    kind: str | None = None  # institution kind, region level, or curated/discovered
    region: str | None = None  # institution: canonical region name
    parent: str | None = None  # region: parent name; institution: parent body; mechanism: broader
    code: str | None = None  # region: GB/T 2260 code; mechanism: concept id
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    standalone: bool = True  # False: named only inside a sub-unit's name

    def add_alias(self, text: str) -> None:
        if text and text not in self.aliases:
            self.aliases.append(text)


@dataclass
class Fact:
    """A relation between two entities (adopts, located in, part of) with its evidence."""

    relation: str
    subject: str
    object: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Quantity:
    """A reported outcome figure."""

    text: str
    value: float
    unit: str
    metric: str
    subject: str | None
    period: str | None
    mechanism: str | None
    evidence: Evidence
    period_start: str | None = None  # ISO dates of the period, resolved against the article's date
    period_end: str | None = None
    subject_rule: str = ""  # the id of the rule that chose the subject (extract/subjects.py)


@dataclass
class Extraction:
    """Everything found in one document."""

    document: str
    articles: list[Article]
    institutions: list[Entity]
    regions: list[Entity]
    mechanisms: list[Entity]
    adopts: list[Fact]
    facts: list[Fact]
    quantities: list[Quantity]
    parent_bodies: list[Entity] = field(default_factory=list)  # named only inside a sub-unit's name
