"""Resolve mentions into entities: one canonical name per thing, every surface form an alias.

Institution names that differ only by a leading region (崂山区人民法院 ~ 青岛市崂山区人民法院)
are one body; the longer, fuller name is canonical. Mechanisms merge on their cleaned name.
"""

from __future__ import annotations

import re

from .extract.mech_names import clean_name
from .lexicon import Division, gazetteer
from .lexicon_institutions import short_names
from .lexicon_mechanisms import mechanism_by_label
from .names import inst_match
from .records import Entity, Evidence, Extraction, Fact, Quantity

# a city's district bureau written as a district's own (深圳市宝安区公安局): city, district stem
DISTRICT_BUREAU = re.compile(r"^(.{2,6}?市)(.{1,4})区公安局$")


def same_institution(a: str, b: str) -> bool:
    """True when one name is the other with a region in front: SPEC's matching rule, with the
    gazetteer's names as the regions (崂山区人民法院 ~ 青岛市崂山区人民法院)."""
    return inst_match(a, b, gazetteer().by_name)


class Resolver:
    def __init__(self, document: str):
        self.document = document
        self.regions: dict[str, Entity] = {}  # key: code, or "local:<name>"
        self.institutions: dict[str, Entity] = {}
        self.mechanisms: dict[str, Entity] = {}

    # ------------------------------------------------------------ regions
    def add_region(self, d: Division, surface: str, ev: Evidence) -> None:
        e = self.regions.get(d.code)
        if e is None:
            # the parent is set in finish(): the nearest ancestor the document names
            e = self.regions[d.code] = Entity("region", d.name, d.level, code=d.code)
        e.add_alias(surface)
        e.evidence.append(ev)

    def add_local_region(self, name: str, level: str, parent: str | None, ev: Evidence) -> None:
        key = "local:" + name
        e = self.regions.get(key)
        if e is None:
            e = self.regions[key] = Entity("region", name, level, parent=parent)
        elif e.parent is None and parent:
            e.parent = parent
        e.add_alias(name)
        e.evidence.append(ev)

    # ------------------------------------------------------------ institutions
    def add_institution(self, m, ev: Evidence) -> None:
        e = self.institutions.get(m.name)
        if e is None:
            e = self.institutions[m.name] = Entity(
                "institution", m.name, m.kind, region=m.region_name, parent=m.parent, standalone=False
            )
        # 四川法院 is the province's courts, not a name of its high court; 该院 and 我们 name nothing
        if not m.collective and not m.pronoun:
            e.add_alias(m.surface)
        e.evidence.append(ev)
        # a body named only as the front of its sub-unit's name (海南省公安厅 in
        # 海南省公安厅海岸警察总队第三支队) or of a person's title (县委书记) is kept for the
        # links, not listed on its own
        e.standalone = e.standalone or not (m.prefix_only or m.title_only)

    # ------------------------------------------------------------ mechanisms
    def add_mechanism(self, m, ev: Evidence) -> None:
        e = self.mechanisms.get(m.name)
        if e is None:
            c = m.concept
            e = self.mechanisms[m.name] = Entity(
                "mechanism",
                m.name,
                "curated" if c else "discovered",
                parent=c.broader if c else None,
                code=c.id if c else None,
            )
        e.add_alias(m.surface)
        e.evidence.append(ev)

    def _name_mechanisms_as_written(self) -> dict[str, str]:
        """A curated concept takes the name the text gives it (“执行难”源头治理 → 执行难源头治理,
        not the prefLabel 执源治理), its prefLabel when the text's name holds it; the concept link stays.
        Returns prefLabel → name for the renamed ones."""
        renamed: dict[str, str] = {}
        for e in self.mechanisms.values():
            c = mechanism_by_label(e.name)
            if e.kind != "curated" or c is None:
                continue
            written = [n for n in map(clean_name, e.aliases) if n in c.alts or n == c.pref]
            if written and not any(c.pref in n for n in written):  # 执前督促程序 still reads as 执前督促
                renamed[e.name] = max(written, key=len)  # the fullest form; max keeps the first of a length
        for e in self.mechanisms.values():
            e.name = renamed.get(e.name, e.name)
            e.parent = renamed.get(e.parent, e.parent) if e.parent else e.parent
        return renamed

    # ------------------------------------------------------------ finish
    def _merge_institutions(self) -> dict[str, str]:
        """Fold region-less variants into their fuller names; returns old → canonical."""
        names = sorted(self.institutions, key=lambda n: (-len(n), n))
        target: dict[str, str] = {}
        for n in names:
            for longer in names:
                if len(longer) <= len(n):
                    break
                if longer in target:
                    continue
                if not longer.endswith(n):
                    continue
                # 北关派出所 later stands for 淮阳区公安局北关派出所 named before
                if same_institution(n, longer) or longer[: -len(n)] in self.institutions:
                    target[n] = longer
                    break
        target.update(self._district_bureaus())
        target.update(self._short_tribunals())
        for short, long_ in target.items():
            while long_ in target:
                long_ = target[long_]
            target[short] = long_
            src, dst = self.institutions.pop(short), self.institutions[long_]
            for a in src.aliases:
                dst.add_alias(a)
            dst.evidence.extend(src.evidence)
            dst.region = dst.region or src.region
            dst.parent = dst.parent or src.parent
            dst.standalone = dst.standalone or src.standalone
        for e in self.institutions.values():
            if e.parent in target:
                e.parent = target[e.parent]
        return target

    def _district_bureaus(self) -> dict[str, str]:
        """深圳市宝安区公安局 (from 深圳宝安公安) is 深圳市公安局宝安分局 when the document names that:
        a city's district bureau is the city bureau's branch."""
        out = {}
        for n in self.institutions:
            m = DISTRICT_BUREAU.match(n)
            if m is None:
                continue
            city, district = m.group(1), m.group(2)
            branch = f"{city}公安局{district}分局"
            if branch in self.institutions:
                out[n] = branch
        return out

    def _short_tribunals(self) -> dict[str, str]:
        """上杭县人民法院古田法庭 (from 上杭法院古田法庭) is 上杭县人民法院古田人民法庭 when the document
        names that: a tribunal under a place's name is short for the court's 人民法庭. So is a body named by
        its short name (温州市矛调中心) when the document also gives its full name."""
        out = {}
        for n in self.institutions:
            if n.endswith("法庭") and not n.endswith("人民法庭") and n[:-2] + "人民法庭" in self.institutions:
                out[n] = n[:-2] + "人民法庭"
            for short, full in short_names():
                if n.endswith(short) and n[: -len(short)] + full in self.institutions:
                    out[n] = n[: -len(short)] + full
        return out

    def _named_parents(self) -> None:
        """A division's parent is its nearest ancestor that the document itself names, under
        the name the text uses (SPEC v2), else none."""
        gaz = gazetteer()
        for e in self.regions.values():
            d = gaz.by_code.get(e.code) if e.code else None
            if d is not None:
                named = [a for a in gaz.ancestors(d) if a.code in self.regions]
                e.parent = self.regions[named[0].code].name if named else None

    def finish(self, articles, adopts: list[Fact], quantities: list[Quantity]) -> Extraction:
        renamed = self._merge_institutions()
        self._named_parents()
        mech_names = self._name_mechanisms_as_written()

        def canon(name):
            return renamed.get(name, name) if name else name

        merged: dict[tuple[str, str], Fact] = {}
        for f in adopts:
            key = (canon(f.subject), mech_names.get(f.object, f.object))
            body = self.institutions.get(key[0])
            parent = self.institutions.get(body.parent) if body is not None and body.parent else None
            if body is not None and not body.standalone and parent is not None and parent.standalone:
                key = (parent.name, key[1])  # 该院执行局局长王强说，将推行…: the unit's head speaks for the listed body
            elif body is not None and not body.standalone:
                continue  # named only in a person's title or as the front of a sub-unit's name: it does not act
            g = merged.setdefault(key, Fact("adopts", key[0], key[1]))
            g.evidence.extend(f.evidence)
        for q in quantities:
            q.subject = canon(q.subject)
            body = self.institutions.get(q.subject) if q.subject else None
            if body is not None:  # a figure's body acts, though named only in a title or a unit's name (SPEC v2)
                body.standalone = True
            q.mechanism = mech_names.get(q.mechanism, q.mechanism) if q.mechanism else q.mechanism
        facts: list[Fact] = []
        for e in self.institutions.values():
            if e.parent and e.parent in self.institutions:
                facts.append(Fact("part of", e.name, e.parent, e.evidence[:1]))
            if e.region:
                facts.append(Fact("located in", e.name, e.region, e.evidence[:1]))
        for e in self.regions.values():
            if e.parent:
                facts.append(Fact("contained in", e.name, e.parent, e.evidence[:1]))
        for e in self.mechanisms.values():
            if e.parent:
                facts.append(Fact("broader", e.name, e.parent, e.evidence[:1]))
        order = lambda e: e.evidence[0].start if e.evidence else 0
        return Extraction(
            document=self.document,
            articles=articles,
            institutions=sorted((e for e in self.institutions.values() if e.standalone), key=order),
            parent_bodies=sorted((e for e in self.institutions.values() if not e.standalone), key=order),
            regions=sorted(self.regions.values(), key=order),
            mechanisms=sorted(self.mechanisms.values(), key=order),
            adopts=sorted(merged.values(), key=lambda f: f.evidence[0].start if f.evidence else 0),
            facts=facts,
            quantities=quantities,
        )
