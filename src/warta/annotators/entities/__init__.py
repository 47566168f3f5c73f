"""Named entities, one per referent in an article: people, organisations and places with every mention.

Names come from the trained model when ``warta.models`` has one for the language (and the settings allow
models), else from capitalised-name rules with title and role lexicons; credits, the dateline and the
sources found by the anatomy annotator are entities too. Mentions are merged in the article: short forms
("Putin"), acronyms in parentheses ("KCNA"), known short forms ("Korut"), roles ("Presiden Rusia itu") and
pronouns ("ia", "he") join the entity they stand for.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from typing import Any

from warta.annotators.anatomy.outlets import AGENCIES
from warta.annotators.entities.names import NameFinder, NameMention, lexicon, tokens
from warta.annotators.entities.resolve import Cluster, Resolver
from warta.document import Document
from warta.record import Entity, Mention

__all__ = ["EntitiesAnnotator", "find_entities"]

log = logging.getLogger(__name__)

_MODEL_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
_PRONOUN_REACH = 600  # characters back to the person a pronoun may stand for


def _load_model(lang: str | None) -> Any:
    try:
        from warta import models  # type: ignore[attr-defined]
    except ImportError:
        return None
    load = getattr(models, "load", None)
    if load is None or lang is None:
        return None
    try:
        return load(lang)
    except Exception as exc:  # a broken model must not break the rules
        log.warning("no NER model for %s: %s", lang, exc)
        return None


def _all_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 3 and bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _regions(fields: dict[str, Any]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    title = fields.get("title_span")
    if title is not None:
        out.append((title.start, title.end))
    for p in fields.get("body") or []:
        out.append((p.start, p.end))
    for r in fields.get("related") or []:
        out.append((r.start, r.end))
    return sorted(out)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _place_mentions(text: str, start: int, end: int) -> list[NameMention]:
    """Places the places annotator's gazetteer spots, when it offers that (optional)."""
    try:
        from warta.annotators import places
    except ImportError:
        return []
    find = getattr(places, "find_place_mentions", None)
    if find is None:
        return []
    out: list[NameMention] = []
    try:
        for item in find(text, start, end):
            s, e = (item[0], item[1]) if isinstance(item, tuple) else (item.start, item.end)
            if isinstance(s, int) and isinstance(e, int) and start <= s < e <= end and text[s].isupper():
                out.append(
                    NameMention(s, e, text[s:e], " ".join(text[s:e].split()), s, e, "LOC", origin="gazetteer")
                )
    except Exception as exc:  # an optional helper must not break entities
        log.warning("find_place_mentions failed: %s", exc)
        return []
    return out


def _structured(text: str, fields: dict[str, Any]) -> list[NameMention]:
    out: list[NameMention] = []

    def mk(s: int, e: int, text: str, type_: str, origin: str) -> None:
        out.append(NameMention(s, e, text, " ".join(text.split()), s, e, type_, origin=origin))

    for c in fields.get("credits") or []:
        mk(c.start, c.end, c.text, "PER", "credit")
    d = fields.get("dateline")
    if d is not None:
        if d.place_span is not None:
            # "HEMPSTEAD, N.Y.", "Mataram, NTB": a place and the region it is in, two places
            ps = d.place_span
            cut = ps.text.find(",")
            parts = [(ps.start, ps.end)] if cut < 0 else [(ps.start, ps.start + cut), (ps.start + cut + 1, ps.end)]
            for s, e in parts:
                while s < e and text[s] in " \u00a0":
                    s += 1
                if s < e:
                    mk(s, e, text[s:e], "LOC", "dateline")
        if d.agency_span is not None:
            mk(d.agency_span.start, d.agency_span.end, d.agency_span.text, "ORG", "dateline")
    for s in fields.get("sources") or []:
        mk(s.start, s.end, s.text, "ORG", "source")
    signoff = _signoff(text)
    if signoff is not None:
        s, e, name = signoff
        out.append(NameMention(s, e, text[s:e], name, s, e, "ORG", origin="dateline"))
    return out


# an agency's closing sign-off line, lower-cased -> its name: "Reuter" (the 1980s wire), "REUTERS", "(AFP)"
_SIGNOFFS = {a.lower(): a for a in AGENCIES} | {"reuter": "Reuters"}


def _signoff(text: str) -> tuple[int, int, str] | None:
    """The agency named alone on the text's last line (outside the body, so no other annotator sees it)."""
    m = re.search(r"(?:^|\n)[ \t(\-–—]*([^\n()]{2,40}?)[ \t).]*\s*$", text)
    if m is None:
        return None
    name = _SIGNOFFS.get(m.group(1).lower())
    return (m.start(1), m.end(1), name) if name else None


def _model_mentions(
    nlp: Any, finder: NameFinder, text: str, regions: list[tuple[int, int]]
) -> list[NameMention]:
    out: list[NameMention] = []
    # only the recogniser runs (it has its own token vectors): the tagger and parser cost 4x more
    others = [name for name in nlp.pipe_names if name != "ner"]
    docs = nlp.pipe((text[start:end] for start, end in regions), disable=others, batch_size=64)
    for (start, _end), doc in zip(regions, docs, strict=True):
        for ent in doc.ents:
            type_ = _MODEL_LABELS.get(ent.label_)
            if type_ is None:
                continue
            s, e = start + ent.start_char, start + ent.end_char
            found = finder.analyse_span(s, e, start)
            named = [m for m in found if not m.role_only and m.name_start >= s and m.name_end <= e]
            if not named:
                continue
            main = named[-1]
            main.type = type_
            main.origin = "model"
            out.extend(found)
    return out


def _only_sentence_initial(text: str, word: str) -> bool:
    """True if every use of ``word`` in ``text`` opens a sentence, paragraph or quotation, where
    capitals say nothing about names ("Senyum tak lepas...", "Federal authorities...")."""
    uses = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    return bool(uses) and all(_OPENS_SENTENCE.search(text, max(0, s - 4), s) for s in uses)


# what may stand before a sentence's first word: nothing, or an end mark or line break, then spaces and
# opening quotes/brackets
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:\n]|[.!?][\"”’'])[\s\"“‘'(]*$")


def _merge_model(
    found: list[NameMention], model: list[NameMention], lower_vocab: set[str], text: str = "", lang: str | None = None
) -> list[NameMention]:
    """The model types names the rules left untyped, and adds names the rules missed; where both found a
    typed name, the rules (title lexicons, acronyms, organisation words) keep it.

    A name only the model found is dropped when it is one word that the text also uses in lower case
    ("Polisi", "Mata": common words opening a sentence), that only ever opens a sentence ("Senyum tak
    lepas...") or that the rules never take for a name (a rank, "LSM", "WIB"). A short form of a name
    already found takes that name's type ("Purbaya" after "Purbaya Yudha Sadewa"), so that the two
    resolve to one entity."""
    lex = lexicon(lang)
    # one word the rules never take for a name: "Polisi", a rank, "LSM", "WIB"
    never = lex.STOP | lex.TITLES | lex.NOT_NAME_ACRONYMS
    by_span = {(m.name_start, m.name_end): m for m in found}
    typed = {tuple(m.name.split()): m.type for m in found if m.type and len(m.name.split()) > 1}
    out = list(found)
    def short_form_type(name: str) -> str | None:
        words = name.split()
        for full, type_ in typed.items():
            if len(words) < len(full) and set(words) <= set(full) and words[-1] in full:
                return type_
        return None

    for m in model:
        same = by_span.get((m.name_start, m.name_end))
        if same is not None:
            one_word = len(same.name.split()) == 1
            if not same.type and m.type and not (one_word and _only_sentence_initial(text, same.name)):
                same.type = short_form_type(same.name) or m.type
            continue
        if m.origin != "model" or any(f.start < m.end and m.start < f.end for f in found):
            continue
        words = m.name.split()
        if len(words) == 1 and (
            words[0].lower() in lower_vocab or words[0].lower() in never or _only_sentence_initial(text, words[0])
        ):
            continue
        m.type = short_form_type(m.name) or m.type
        out.append(m)
    return out


def _pronouns(text: str, lang: str | None, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    words = lexicon(lang).PRONOUNS
    pat = re.compile(r"\b(" + "|".join(sorted(words)) + r")\b", re.IGNORECASE)
    out = []
    for start, end in regions:
        out.extend((m.start(), m.end()) for m in pat.finditer(text, start, end))
    return out


def find_entities(
    text: str, fields: dict[str, Any], lang: str | None, *, use_models: bool = True
) -> list[Entity]:
    regions = _regions(fields)
    lower_vocab = {m.group() for m in re.finditer(r"(?<![\w-])[a-z][\w-]*", text)}
    finder = NameFinder(text, lang, lower_vocab)
    nlp = _load_model(lang) if use_models else None
    found: list[NameMention] = list(_structured(text, fields))
    for start, end in regions:
        if _all_caps_line(text[start:end]) and "\n" not in text[start:end].strip():
            continue
        ms = finder.mentions(start, end)
        if _title_case(text[start:end]):
            # a headline or promo line in Title Case: a capitalised pair proves nothing on its own
            for m in ms:
                if m.type == "PER" and not m.title:
                    m.type = ""
                    m.origin = "weak"
        found.extend(ms)
        # the gazetteer only types names the rules left untyped (it is a fallback, and noisier)
        places = {(m.name_start, m.name_end) for m in _place_mentions(text, start, end)}
        for m in found:
            if not m.type and (m.name_start, m.name_end) in places:
                m.type = "LOC"
    if nlp is not None:
        found = _merge_model(found, _model_mentions(nlp, finder, text, regions), lower_vocab, text, lang)
    # one mention per name span: structured (credits, dateline) first, then model, then rules
    found.sort(key=lambda m: (m.name_start, -(m.name_end - m.name_start), m.alias_of is None))
    spans: dict[tuple[int, int], NameMention] = {}
    for m in found:
        key = (m.name_start, m.name_end)
        old = spans.get(key)
        if old is None or _rank(m) < _rank(old):
            spans[key] = m
    mentions = _drop_overlaps(sorted(spans.values(), key=lambda m: m.name_start))
    resolver = Resolver(lang)
    # a name that another mention is an alias of ("Faisal (37) alias Komeng") is as sure as its alias
    alias_targets = {m.alias_of for m in mentions if m.alias_of}
    strong = [m for m in mentions if _strong(m) or (m.name in alias_targets and not m.role_only)]
    weak = [m for m in mentions if m not in strong]
    for m in strong:
        if m.role_only:
            continue
        resolver.add(m)
    for m in weak:
        if m.role_only:
            c = resolver.role(m)
            if c is not None:
                c.add(m)
            continue
        c = resolver.find(m)
        if c is not None or m.type:
            resolver.add(m)
    clusters = _merge_same_name([c for c in resolver.clusters if c.type in ("PER", "ORG", "LOC")])
    _attach_pronouns(text, lang, regions, clusters)
    return _to_entities(text, clusters)


def _merge_same_name(clusters: list[Cluster]) -> list[Cluster]:
    """One place per name: clusters that came out with the same canonical name but different types,
    one of them a place, become that place when the gazetteer knows the name ("Amerika Serikat" as the
    place, as the complement of "Presiden AS", as "(AS)" after it). Other same-name clusters stay apart:
    without that knowledge, no type is safer than the others."""
    groups: dict[str, list[Cluster]] = {}
    for c in clusters:
        groups.setdefault(c.name.casefold(), []).append(c)
    merged: set[int] = set()  # clusters folded into a place
    for group in groups.values():
        place = next((g for g in group if g.type == "LOC"), None)
        if len(group) == 1 or place is None:
            continue
        if not any(m.start == 0 and m.end == len(place.name) for m in _place_mentions(place.name, 0, len(place.name))):
            continue
        for g in group:
            if g is not place:
                place.mentions.extend(g.mentions)
                place.forms.extend(f for f in g.forms if f not in place.forms)
                merged.add(id(g))
    return [c for c in clusters if id(c) not in merged]


def _rank(m: NameMention) -> int:
    rank = {"credit": 0, "dateline": 0, "source": 1, "model": 2, "rule": 3, "weak": 4}.get(m.origin, 5)
    return rank - (1 if m.alias_of else 0)


def _drop_overlaps(ms: list[NameMention]) -> list[NameMention]:
    """Keep the longest of overlapping name spans (a structured span wins)."""
    out: list[NameMention] = []
    for m in ms:
        if out and m.name_start < out[-1].name_end:
            prev = out[-1]
            if _rank(m) < _rank(prev) or (
                _rank(m) == _rank(prev) and m.name_end - m.name_start > prev.name_end - prev.name_start
            ):
                out[-1] = m
            continue
        out.append(m)
    return out


def _strong(m: NameMention) -> bool:
    if m.role_only:
        return False
    if m.origin == "weak":
        return False
    if m.origin != "rule":
        return True
    return len(tokens(m.name, 0, len(m.name))) >= 2 or bool(m.title) or m.alias_of is not None


def _attach_pronouns(
    text: str, lang: str | None, regions: list[tuple[int, int]], clusters: list[Cluster]
) -> None:
    people: list[tuple[int, Cluster]] = sorted(
        ((m.start, c) for c in clusters if c.type == "PER" for m in c.mentions if m.origin != "credit"),
        key=lambda p: p[0],
    )
    if not people:
        return
    starts = [p[0] for p in people]
    for s, e in _pronouns(text, lang, regions):
        i = bisect.bisect_left(starts, s) - 1
        if i < 0 or s - starts[i] > _PRONOUN_REACH:
            continue
        c = people[i][1]
        c.mentions.append(NameMention(s, e, text[s:e], text[s:e], s, e, "PER", origin="pronoun"))


def _to_entities(text: str, clusters: Iterable[Cluster]) -> list[Entity]:
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    out: list[Entity] = []
    for i, c in enumerate(ordered, 1):
        mentions = []
        seen: set[tuple[int, int]] = set()
        for m in sorted(c.mentions, key=lambda m: m.start):
            s, e = (m.start, m.end) if m.role_only else (m.name_start, m.name_end)
            if (s, e) in seen:
                continue
            seen.add((s, e))
            mentions.append(Mention(start=s, end=e, text=text[s:e]))
        aliases = [f for f in c.forms if f != c.name]
        out.append(
            Entity(id=f"e{i}", type=c.type, name=c.name, title=c.title, mentions=mentions, aliases=aliases)
        )
    return out


class EntitiesAnnotator:
    name = "entities"
    version = "1"
    requires: tuple[str, ...] = ("body",)
    provides = ("entities",)

    def find(self, document: Document) -> dict[str, Any]:
        return {
            "entities": find_entities(
                document.text, document.fields, document.lang, use_models=document.settings.use_models
            )
        }
