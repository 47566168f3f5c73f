"""One entity per referent: merging name mentions found in one article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warta.annotators.entities.names import NameMention, lexicon

_PRIORITY = {"credit": 0, "dateline": 0, "source": 1, "model": 2, "rule": 3}
_SKIP_INITIALS = frozenset("of for the dan and de van von bin binti al di".split())


def _toks(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", name.lower().replace("’", "'")) if t]


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _SKIP_INITIALS]
    return "".join(w[0] for w in words).upper()


@dataclass
class Cluster:
    type: str
    name: str
    title: str | None = None
    mentions: list[NameMention] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)

    def tokens(self) -> list[str]:
        return _toks(self.name)

    def add(self, m: NameMention) -> None:
        self.mentions.append(m)
        form = m.name if not m.role_only else (m.title or m.name)
        if form not in self.forms:
            self.forms.append(form)
        if m.title and not self.title and not m.role_only:
            self.title = m.title


def _better_name(a: str, b: str) -> str:
    """The canonical form of two names of one referent: the longer, and not ALL CAPS if avoidable."""
    if a.isupper() != b.isupper() and len(_toks(a)) == len(_toks(b)):
        return b if a.isupper() else a
    return b if len(_toks(b)) > len(_toks(a)) else a


class Resolver:
    def __init__(self, lang: str | None) -> None:
        self.lex = lexicon(lang)
        self.clusters: list[Cluster] = []
        self.by_key: dict[str, Cluster] = {}
        self.by_token: dict[str, list[Cluster]] = {}
        self.by_acronym: dict[str, Cluster] = {}

    def _index(self, c: Cluster) -> None:
        self.by_key[c.name.lower()] = c
        for f in c.forms:
            self.by_key.setdefault(f.lower(), c)
        for t in c.tokens():
            lst = self.by_token.setdefault(t, [])
            if c not in lst:
                lst.append(c)
        if c.type in ("ORG", "LOC") and len(c.tokens()) >= 2:
            self.by_acronym.setdefault(_acronym(c.name), c)

    def _canonical(self, name: str) -> str:
        return self.lex.ALIASES.get(name) or name

    def find(self, m: NameMention) -> Cluster | None:
        name = self._canonical(m.name)
        key = name.lower()
        c = self.by_key.get(key)
        if c and (not m.type or not c.type or c.type == m.type or m.origin != "rule"):
            return c
        if m.alias_of:
            c = self.by_key.get(m.alias_of.lower())
            if c:
                return c
        toks = _toks(name)
        if len(toks) == 1 and toks[0].upper() == toks[0].upper() and m.text.isupper():
            c = self.by_acronym.get(m.name.upper())
            if c:
                return c
        # a shorter form: every word inside a known name ("Putin" in "Vladimir Putin")
        cands: list[Cluster] | None = None
        for t in toks:
            lst = self.by_token.get(t, [])
            cands = list(lst) if cands is None else [c for c in cands if c in lst]
            if not cands:
                return None
        if not cands:
            return None
        cands = [c for c in cands if len(c.tokens()) > len(toks)]
        if m.type and m.origin == "rule" and len(toks) == 1:
            # a surname typed only by its context ("at Trump", "di Prabowo") is the person's
            per = [c for c in cands if c.type == "PER" and c.tokens()[-1] == toks[0]]
            if per:
                return per[-1]
        if m.type:
            cands = [c for c in cands if c.type == m.type or not c.type]
        else:
            per = [c for c in cands if c.type == "PER"]
            cands = per or cands
        if not cands:
            return None
        return cands[-1]

    def add(self, m: NameMention) -> Cluster:
        c = self.find(m)
        name = self._canonical(m.name)
        if c is None:
            c = Cluster(type=m.type, name=name)
            self.clusters.append(c)
        else:
            better = _better_name(c.name, name)
            if better != c.name and not m.role_only and (not m.type or m.type == c.type or not c.type):
                c.name = better
            if not c.type and m.type:
                c.type = m.type
        c.add(m)
        self._index(c)
        return c

    def role(self, m: NameMention) -> Cluster | None:
        """'Presiden Rusia itu' -> the person titled so."""
        title = (m.title or "").lower()
        best = None
        for c in self.clusters:
            if (
                c.type == "PER"
                and c.title
                and (c.title.lower() == title or c.title.lower().startswith(title))
            ):
                best = c
        return best
