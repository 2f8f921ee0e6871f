"""Loaders for the words that mark or rule out discovered mechanism names: one loader per file
(`data/mechanism_cues.tsv`, `data/mechanism_stoplist.tsv`), each cached and read through
`lexicon.data_rows`, so a user lexicon can add rows. Kept apart from `lexicon` for its size."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Concept, data_rows, mechanisms


@dataclass(frozen=True, eq=False)
class MechanismCues:
    """Words that mark mechanism names in running text (data/mechanism_cues.tsv). Compared and
    hashed by identity: made once per lexicon, it keys the caches of patterns built from it, and
    hashing all its words for each look-up cost a microsecond."""

    strong_tails: tuple[str, ...]  # longest first
    weak_tails: tuple[str, ...]
    strip: tuple[str, ...]
    setup: tuple[str, ...]
    founding: tuple[str, ...]  # setup verbs that found a mechanism (建立, 推行 …)
    listing: tuple[str, ...]  # setup verbs that open a list of names: the founding ones, 健全, 完善 …
    stop: frozenset[str]
    bad_start: tuple[str, ...]
    generic: frozenset[str]
    counted: str
    not_after_tail: tuple[str, ...]
    rule_suffixes: tuple[str, ...]  # 负责制, 长制 …: a system named by its rule
    campaign_tails: tuple[str, ...]  # 专项行动 …: kept in an unquoted name
    founded_tails: tuple[str, ...] = ()  # 共同体 …: kept, and a name only after a setup verb
    pair_agents: str = ""  # 检警法 …: a justice body in one character (检企对接)
    pair_partners: str = ""  # 企校医 …: the body it works with
    pair_tails: tuple[str, ...] = ()  # 对接, 合作, 联动 …
    not_pairs: frozenset[str] = frozenset()  # 法院, 法律: two such characters that make a word
    keep_tail_after: tuple[str, ...] = ()  # 基本, 长效 …: the generic word after them stays (基本模式)
    periods: tuple[str, ...] = ()  # 周, 每月 …: the interval of a routine (周例会)
    routines: tuple[str, ...] = ()  # 例会, 调度 …: what is held at that interval
    openers: frozenset[str] = frozenset()  # 反 …: a word jieba tags as no part of a name that opens one
    goal_manners: tuple[str, ...] = ()  # 有机, 深度 …: before a joining word, a goal is stated, not a name
    modifier_verbs: tuple[str, ...] = ()  # 开展, 进行 …: a verb between a quote and a generic word, which is its own
    agreement_kinds: frozenset[str] = frozenset()  # 战略, 框架 …: an agreement's kind, no way of working


@lru_cache(maxsize=1)
def mechanism_cues() -> MechanismCues:
    by_role: dict[str, list[str]] = {}
    strong: list[str] = []
    campaign: list[str] = []
    founding: list[str] = []
    listing: list[str] = []
    founded: list[str] = []
    for r in data_rows("mechanism_cues.tsv"):
        by_role.setdefault(r["role"], []).append(r["word"])
        if r["role"] == "tail" and r["strength"] in ("strong", "campaign", "founded"):
            strong.append(r["word"])
        if r["role"] == "tail" and r["strength"] == "campaign":
            campaign.append(r["word"])
        if r["role"] == "tail" and r["strength"] == "founded":
            founded.append(r["word"])
        if r["role"] == "setup" and r["strength"] == "founds":
            founding.append(r["word"])
        if r["role"] == "setup" and r["strength"] in ("founds", "lists"):
            listing.append(r["word"])

    def longest_first(words) -> tuple[str, ...]:
        return tuple(sorted(set(words), key=lambda w: (-len(w), w)))

    return MechanismCues(
        strong_tails=longest_first(strong),
        weak_tails=longest_first(w for w in by_role.get("tail", []) if w not in strong),
        strip=longest_first(by_role.get("strip", [])),
        keep_tail_after=longest_first(by_role.get("keep_tail_after", [])),
        setup=longest_first(by_role.get("setup", [])),
        founding=longest_first(founding),
        listing=longest_first(listing),
        stop=frozenset(by_role.get("stop", [])),
        bad_start=longest_first(by_role.get("bad_start", [])),
        generic=frozenset(by_role.get("generic", [])),
        counted="".join(by_role.get("counted", [])),
        not_after_tail=longest_first(by_role.get("not_after_tail", [])),
        rule_suffixes=longest_first(by_role.get("rule_suffix", [])),
        campaign_tails=longest_first(campaign),
        founded_tails=longest_first(founded),
        pair_agents="".join(by_role.get("pair_agent", [])),
        pair_partners="".join(by_role.get("pair_partner", [])),
        pair_tails=longest_first(by_role.get("pair_tail", [])),
        not_pairs=frozenset(by_role.get("not_pair", [])),
        periods=longest_first(by_role.get("period", [])),
        routines=longest_first(by_role.get("routine", [])),
        openers=frozenset(by_role.get("opener", [])),
        goal_manners=longest_first(by_role.get("goal_manner", [])),
        modifier_verbs=longest_first(by_role.get("modifier_verb", [])),
        agreement_kinds=frozenset(by_role.get("agreement_kind", [])),
    )


@dataclass(frozen=True)
class MechanismStoplist:
    """What is not a mechanism (data/mechanism_stoplist.tsv): word → kind, by where it is tested."""

    names: dict[str, str]
    ends: dict[str, str]
    follows: dict[str, str]
    label_follows: tuple[str, ...]  # after a curated label: a role, body or facility named after it
    part_ends: tuple[str, ...] = ()  # the end of a part of a list that makes the list no name (调解优先、诉讼断后)


@lru_cache(maxsize=1)
def mechanism_stoplist() -> MechanismStoplist:
    by_where: dict[str, dict[str, str]] = {"name": {}, "end": {}, "follows": {}, "label_follows": {}, "part_end": {}}
    for r in data_rows("mechanism_stoplist.tsv"):
        by_where[r["where"]][r["word"]] = r["kind"]
    label_follows = tuple(sorted(by_where["label_follows"], key=lambda w: (-len(w), w)))
    part_ends = tuple(sorted(by_where["part_end"]))
    return MechanismStoplist(by_where["name"], by_where["end"], by_where["follows"], label_follows, part_ends)


@lru_cache(maxsize=1)
def mechanisms_by_label() -> dict[str, Concept]:
    """Every Chinese label of the curated scheme → its concept; a prefLabel wins over another concept's
    altLabel, and among altLabels the first concept's."""
    out: dict[str, Concept] = {}
    for c in mechanisms().values():
        out[c.pref] = c
    for c in mechanisms().values():
        for a in c.alts:
            out.setdefault(a, c)
    return out


def mechanism_by_label(label: str) -> Concept | None:
    """The curated concept with this Chinese prefLabel or altLabel (a mechanism is named as the
    text names it, so its name may be an altLabel)."""
    return mechanisms_by_label().get(label)


@lru_cache(maxsize=1)
def instrument_issuers() -> dict[str, str]:
    """Mechanism name → the only kind of body that issues or applies it (data/instrument_issuers.tsv)."""
    return {r["mechanism"]: r["kind"] for r in data_rows("instrument_issuers.tsv")}


def issued_by_another_kind(kind: str, mechanism: str) -> bool:
    """The mechanism is an instrument (by its name as written or its curated prefLabel) that only
    bodies of another kind issue: 浙江省网信办 does not adopt the court's 司法建议."""
    concept = mechanism_by_label(mechanism)
    issuer = instrument_issuers().get(mechanism) or (instrument_issuers().get(concept.pref) if concept else None)
    return issuer is not None and kind != issuer
