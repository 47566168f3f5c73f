"""Readers and converters for the annotated corpora in ``../shared/data``.

Every reader returns plain Python structures (:class:`NerSentence`) so the conversion logic can be
tested without spaCy; :func:`to_docbin` turns them into spaCy training files. Corpora are read at
training time from the shared data folder and are never copied into the repository.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training.converters import conllu_to_docs

# --------------------------------------------------------------------------------------------
# Label maps: corpus label -> warta label; ``None`` drops the entity (its tokens become O).
# --------------------------------------------------------------------------------------------
NERP_LABELS: dict[str, str | None] = {"PPL": "PER", "PLC": "LOC", "IND": "ORG", "EVT": None, "FNB": None}
NERGRIT_LABELS: dict[str, str | None] = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
IDNER_LABELS: dict[str, str | None] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
INDOLEM_LABELS: dict[str, str | None] = {
    "PERSON": "PER",
    "ORGANIZATION": "ORG",
    "LOCATION": "LOC",
    "QUANTITY": None,
    "TIME": None,
}
# English: MISC is dropped (CoNLL MISC, WikiGold MISC, WikiNEuRal MISC); UNER OTH likewise.
EN_LABELS: dict[str, str | None] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": None, "OTH": None}

NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "''"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$"})


@dataclass
class NerSentence:
    """A tokenised sentence with entity spans as ``(start_token, end_token_exclusive, label)``."""

    words: list[str]
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    source: str = ""

    def key(self) -> str:
        """Normalised text used to find duplicates across corpora and splits."""
        return " ".join(w.lower() for w in self.words)


# --------------------------------------------------------------------------------------------
# Token/tag readers
# --------------------------------------------------------------------------------------------
def _iter_blocks(path: Path, encoding: str = "utf-8") -> Iterator[list[list[str]]]:
    """Yield sentences as lists of whitespace/tab separated rows; skips comments and DOCSTART."""
    block: list[list[str]] = []
    with path.open(encoding=encoding, newline=None) as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if block:
                    yield block
                block = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            if any(c == "-DOCSTART-" for c in cols[:2]):
                if block:
                    yield block
                block = []
                continue
            block.append(cols)
    if block:
        yield block


def bio_to_spans(tags: Sequence[str], label_map: dict[str, str | None]) -> list[tuple[int, int, str]]:
    """Turn BIO/IOB1/IOB2 tags into spans, mapping labels (unmapped or ``None`` labels are dropped).

    Lenient: an ``I-X`` after ``O`` or after another type opens a new entity (so IOB1 is handled).
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    current: str | None = None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if tag == "O" or prefix not in ("B", "I") or not label:
            boundary, label = True, ""
        else:
            boundary = prefix == "B" or label != current
        if boundary:
            if start is not None and current is not None:
                mapped = label_map.get(current)
                if mapped:
                    spans.append((start, i, mapped))
            start, current = (i, label) if label else (None, None)
    return spans


def read_token_tag(
    path: Path,
    label_map: dict[str, str | None],
    token_col: int,
    tag_col: int,
    source: str,
    encoding: str = "utf-8",
) -> list[NerSentence]:
    """Read a column file (token and tag in the given columns, blank line between sentences)."""
    sentences = []
    for block in _iter_blocks(path, encoding=encoding):
        rows = [r for r in block if len(r) > max(token_col, tag_col)]
        words = [r[token_col] for r in rows]
        tags = [r[tag_col] for r in rows]
        if words:
            sentences.append(NerSentence(words, bio_to_spans(tags, label_map), source))
    return sentences


# Per-corpus readers --------------------------------------------------------------------------
def read_nerp(path: Path) -> list[NerSentence]:
    return read_token_tag(path, NERP_LABELS, 0, 1, "nerp")


def read_nergrit(path: Path) -> list[NerSentence]:
    return read_token_tag(path, NERGRIT_LABELS, 0, 1, "nergrit")


def read_idner(path: Path) -> list[NerSentence]:
    return read_token_tag(path, IDNER_LABELS, 0, 2, "idner-news-2k")


def read_indolem(path: Path) -> list[NerSentence]:
    return read_token_tag(path, INDOLEM_LABELS, 0, 1, "indolem")


def read_conll2003(path: Path) -> list[NerSentence]:
    """CoNLL-2003 and WikiNEuRal: index TAB token TAB tag."""
    return read_token_tag(path, EN_LABELS, 1, 2, "conll2003")


def read_wikineural(path: Path) -> list[NerSentence]:
    return read_token_tag(path, EN_LABELS, 1, 2, "wikineural")


def read_wikigold(path: Path) -> list[NerSentence]:
    return read_token_tag(path, EN_LABELS, 0, 1, "wikigold")


def read_uner(path: Path) -> list[NerSentence]:
    return read_token_tag(path, EN_LABELS, 1, 2, "uner-en-ewt")


# LitBank marks proper (PROP), common (NOM) and pronoun (PRON) mentions; only proper names are
# named entities. FAC (buildings, streets) is closest to LOC; VEH (ship names) is dropped.
LITBANK_LABELS: dict[str, str | None] = {
    "PROP_PER": "PER", "PROP_ORG": "ORG", "PROP_GPE": "LOC", "PROP_LOC": "LOC", "PROP_FAC": "LOC",
}  # fmt: skip
# Leading words left out of a name, as in CoNLL-2003/UNER: articles, titles, lower-case modifiers.
_NOT_NAME = frozenset({"the", "a", "an", "mr.", "mrs.", "miss", "ms.", "dr.", "sir", "lady", "mr", "mrs", "dr"})


def litbank_sentences(text: str, ann: str) -> list[NerSentence]:
    """One brat document (tokenised text, one sentence a line) -> sentences with outermost proper-name spans."""
    mentions: list[tuple[int, int, str]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].startswith("T"):
            continue
        kind, *offsets = cols[1].split(" ")
        label = LITBANK_LABELS.get(kind)
        if label and len(offsets) == 2:
            mentions.append((int(offsets[0]), int(offsets[1]), label))
    sentences = []
    pos = 0
    for line in text.split("\n"):
        tokens = [(m.start() + pos, m.end() + pos, m.group()) for m in re.finditer(r"\S+", line)]
        pos += len(line) + 1
        if not tokens:
            continue
        starts = {s: i for i, (s, _, _) in enumerate(tokens)}
        ends = {e: i + 1 for i, (_, e, _) in enumerate(tokens)}
        spans = []
        for start, end, label in mentions:
            if start in starts and end in ends:
                s, e = starts[start], ends[end]
                while s < e and (tokens[s][2].lower() in _NOT_NAME or not tokens[s][2][:1].isupper()):
                    s += 1
                if s < e:
                    spans.append((s, e, label))
        # keep outermost, non-overlapping spans (longest first)
        taken: set[int] = set()
        kept = []
        for s, e, label in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
            if taken.isdisjoint(range(s, e)):
                kept.append((s, e, label))
                taken.update(range(s, e))
        sentences.append(NerSentence([t for *_, t in tokens], sorted(kept), "litbank"))
    return sentences


def read_litbank(path: Path) -> list[NerSentence]:
    """LitBank brat folder (``coref/brat``): every ``*.ann`` with its ``*.txt``."""
    out: list[NerSentence] = []
    for ann in sorted(path.glob("*.ann")):
        out.extend(litbank_sentences(ann.with_suffix(".txt").read_text(encoding="utf-8"), ann.read_text("utf-8")))
    return out


# --------------------------------------------------------------------------------------------
# Cleaning and augmentation
# --------------------------------------------------------------------------------------------
def dedupe(sentences: Iterable[NerSentence], exclude: set[str] | None = None) -> list[NerSentence]:
    """Drop repeated sentences and any sentence whose normalised text is in ``exclude``."""
    seen = set(exclude or ())
    kept = []
    for sent in sentences:
        k = sent.key()
        if k in seen:
            continue
        seen.add(k)
        kept.append(sent)
    return kept


def recase(sent: NerSentence) -> NerSentence:
    """Re-capitalise a lower-cased sentence: first word and every entity word get a capital."""
    words = list(sent.words)
    marks = {0} | {i for s, e, _ in sent.spans for i in range(s, e)}
    for i in marks:
        if words[i][:1].isalpha():
            words[i] = words[i][:1].upper() + words[i][1:]
    return NerSentence(words, list(sent.spans), sent.source + "+recased")


def lowercase(sent: NerSentence) -> NerSentence:
    return NerSentence([w.lower() for w in sent.words], list(sent.spans), sent.source + "+lower")


def uppercase(sent: NerSentence) -> NerSentence:
    return NerSentence([w.upper() for w in sent.words], list(sent.spans), sent.source + "+upper")


def titlecase(sent: NerSentence) -> NerSentence:
    return NerSentence([w[:1].upper() + w[1:] for w in sent.words], list(sent.spans), sent.source + "+title")


def augment(
    sentences: Sequence[NerSentence],
    variants: Sequence[tuple[Callable[[NerSentence], NerSentence], float]],
    seed: int = 0,
) -> list[NerSentence]:
    """Add case variants: each ``(function, fraction)`` is applied to a random share of sentences."""
    rng = random.Random(seed)
    out = list(sentences)
    for func, fraction in variants:
        for sent in sentences:
            if rng.random() < fraction:
                out.append(func(sent))
    return out


# --------------------------------------------------------------------------------------------
# spaCy conversion
# --------------------------------------------------------------------------------------------
def guess_spaces(words: Sequence[str]) -> list[bool]:
    """Plausible whitespace for detokenised text (no space before closing punctuation etc.)."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in NO_SPACE_BEFORE and word not in NO_SPACE_AFTER)
    return spaces


def ner_to_doc(nlp: Language, sent: NerSentence) -> Doc:
    doc = Doc(nlp.vocab, words=sent.words, spaces=guess_spaces(sent.words))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in sent.spans]
    return doc


def to_docbin(nlp: Language, sentences: Iterable[NerSentence]) -> DocBin:
    db = DocBin(store_user_data=False)
    for sent in sentences:
        db.add(ner_to_doc(nlp, sent))
    return db


_FEATS_RE = re.compile(r"^(\d+)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t")


# Relations a word that changed its UPOS may take from the current-style data: function-word
# relations, whose head stays the same word; structural ones (fixed, flat, compound, ...) are kept.
_FUNCTION_RELS = frozenset({"aux", "cc", "mark", "case", "det", "amod", "nummod", "advmod", "cop"})
_KEEP_RELS = frozenset({"root", "fixed", "flat", "compound", "conj", "nsubj", "obj", "obl", "nmod"})


def _replacement(counts: Counter[str] | None, old: str, min_count: int) -> str | None:
    """The label that replaces ``old`` where the reference almost never uses it (< 10 %) and nearly
    always uses one other (>= 80 % of at least ``min_count`` uses); None to keep ``old``."""
    if not counts:
        return None
    n = sum(counts.values())
    if n < min_count or counts[old] / n >= 0.1:
        return None
    top, k = counts.most_common(1)[0]
    return top if k / n >= 0.8 else None


@dataclass
class UposHarmoniser:
    """Retag older-style UD sentences word by word where current-style data tags the word otherwise.

    UD Indonesian-GSD was re-tagged in 2021: *akan*, *telah*, *dapat* became AUX (were ADV),
    *satu* NUM (was DET), *namun* CCONJ (was SCONJ), *untuk*/*sebelum* SCONJ before a clause...
    From reference sentences in the current style it learns, per lower-cased word, the UPOS
    distribution (and per word + relation, which separates *untuk* as ``case`` from ``mark``).
    A word's old tag is replaced only when the reference almost never uses it for that word
    (< 10 %) and one tag dominates (>= 80 % of at least ``min_count`` uses). Changes to or from
    PROPN are left alone: they depend on capitalisation and names, not on the word. A retagged
    word also takes the reference's dominant relation for its new tag when that is a function-word
    relation (``advmod`` -> ``aux`` for *akan*).
    """

    by_word: dict[str, Counter[str]] = field(default_factory=dict)
    by_word_rel: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    by_word_head: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    rel_by_word_pos: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    min_count: int = 5

    @classmethod
    def from_conllu(cls, texts: Iterable[str], min_count: int = 5) -> UposHarmoniser:
        h = cls(min_count=min_count)
        for text in texts:
            for rows in _sentences(text):
                pos_of = {cols[0]: cols[3] for cols in rows}
                for cols in rows:
                    word, pos, rel = cols[1].lower(), cols[3], cols[7]
                    h.by_word.setdefault(word, Counter())[pos] += 1
                    h.by_word_rel.setdefault((word, rel.split(":")[0]), Counter())[pos] += 1
                    h.by_word_head.setdefault((word, pos_of.get(cols[6], "ROOT")), Counter())[pos] += 1
                    h.rel_by_word_pos.setdefault((word, pos), Counter())[rel] += 1
        return h

    def retag(self, cols: list[str], head_pos: str = "") -> bool:
        """Retag one CoNLL-U word row in place, given its head's UPOS ("ROOT" for the root);
        True if it changed. The most specific evidence with at least 3 uses decides: the word
        under a head of that UPOS (*untuk* under a verb is SCONJ), the word in that relation,
        then the word alone (``min_count`` uses)."""
        word, pos, rel = cols[1].lower(), cols[3], cols[7]
        new = None
        for counts, need in (
            (self.by_word_head.get((word, head_pos)), 3),
            (self.by_word_rel.get((word, rel.split(":")[0])), 3),
            (self.by_word.get(word), self.min_count),
        ):
            if counts and sum(counts.values()) >= need:
                new = _replacement(counts, pos, need)
                break
        if new is None or "PROPN" in (pos, new):
            return False
        cols[3] = new
        new_rel = _replacement(self.rel_by_word_pos.get((word, new)), rel, self.min_count)
        if new_rel and new_rel.split(":")[0] in _FUNCTION_RELS and rel.split(":")[0] not in _KEEP_RELS:
            cols[7] = new_rel
        return True


def _is_word_row(cols: list[str]) -> bool:
    return len(cols) == 10 and cols[0].isdigit()


def modernise_gsd_v2(text: str, harmoniser: UposHarmoniser | None = None) -> str:
    """Bring UD Indonesian-GSD v2.0 (2017) relations closer to the current (2021+) annotation.

    Only systematic, safe relabelings: ``flat`` between two proper nouns -> ``flat:name``; ``nmod`` of a
    pronoun -> ``nmod:poss``; ``acl`` introduced by *yang* -> ``acl:relcl``. With a ``harmoniser``
    (learnt from current-style sentences), words whose UPOS was revised are retagged too. Clitics
    stay unsplit and heads are never moved.
    """
    out_sents = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        rows = {}
        for n, line in enumerate(lines):
            cols = line.split("\t")
            if _is_word_row(cols):
                rows[cols[0]] = (n, cols)
        yang_heads = {cols[6] for _, cols in rows.values() if cols[1].lower() == "yang"}
        pos_of = {idx: cols[3] for idx, (_, cols) in rows.items()}  # before any retagging
        for idx, (n, cols) in rows.items():
            rel = cols[7]
            if rel == "flat" and cols[3] == "PROPN" and pos_of.get(cols[6]) == "PROPN":
                cols[7] = "flat:name"
            elif rel == "nmod" and cols[3] == "PRON":
                cols[7] = "nmod:poss"
            elif rel == "acl" and idx in yang_heads:
                cols[7] = "acl:relcl"
            if harmoniser is not None:
                harmoniser.retag(cols, pos_of.get(cols[6], "ROOT"))
            lines[n] = "\t".join(cols)
        out_sents.append("\n".join(lines))
    return "\n\n".join(out_sents)


# Modifier relations whose choice is a treebank convention (GSD: noun-noun ``compound``, CSUI: ``nmod``).
_MODIFIER_RELS = frozenset(
    {"nmod", "nmod:poss", "nmod:tmod", "nmod:lmod", "compound", "flat", "flat:name", "amod", "det"}
)
Config = tuple[str, str, bool, bool]


def _configs(rows: list[list[str]]) -> Iterator[tuple[list[str], Config]]:
    """Each word row with its configuration: (UPOS, head UPOS, has a ``case`` dependent, head adjacent)."""
    by_id = {cols[0]: cols for cols in rows}
    with_case = {cols[6] for cols in rows if cols[7].split(":")[0] == "case"}
    for cols in rows:
        head = by_id.get(cols[6])
        adjacent = head is not None and abs(int(cols[0]) - int(head[0])) == 1
        yield cols, (cols[3], head[3] if head else "ROOT", cols[0] in with_case, adjacent)


@dataclass
class RelationHarmoniser:
    """Relabel modifier relations of another treebank's sentences to the target treebank's convention.

    UD Indonesian-CSUI attaches a noun that modifies a noun without a preposition as ``nmod``; GSD,
    whose test split warta is measured on, as ``compound``. GSD v2.0 used ``flat`` for a proper noun
    under a common noun (*Kota Jakarta*), current GSD ``nmod``. Learnt from target-style sentences:
    per configuration (UPOS, head UPOS, has a ``case`` dependent, head adjacent), the relations used.
    A modifier relation the target almost never uses in that configuration (< 10 %) is replaced by the
    one it nearly always uses (>= 80 % of at least ``min_count`` words), when that one is a modifier
    relation too. Core relations (``nsubj``, ``obj``, ``obl``...) and heads are never changed.
    """

    by_config: dict[Config, Counter[str]] = field(default_factory=dict)
    min_count: int = 20

    @classmethod
    def from_conllu(cls, texts: Iterable[str], min_count: int = 20) -> RelationHarmoniser:
        h = cls(min_count=min_count)
        for text in texts:
            for rows in _sentences(text):
                for cols, config in _configs(rows):
                    h.by_config.setdefault(config, Counter())[cols[7]] += 1
        return h

    def relabel(self, rows: list[list[str]]) -> int:
        """Relabel one sentence's word rows in place; the number changed."""
        changed = 0
        for cols, config in list(_configs(rows)):
            if cols[7] not in _MODIFIER_RELS:
                continue
            new = _replacement(self.by_config.get(config), cols[7], self.min_count)
            if new in _MODIFIER_RELS:
                cols[7] = new
                changed += 1
        return changed


def _sentences(text: str) -> Iterator[list[list[str]]]:
    for block in text.split("\n\n"):
        rows = [cols for cols in (line.split("\t") for line in block.split("\n")) if _is_word_row(cols)]
        if rows:
            yield rows


def harmonise_relations(text: str, relations: RelationHarmoniser) -> str:
    """``text`` (CoNLL-U) with its modifier relations relabelled; comments and other rows kept."""
    out = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        rows = [(n, line.split("\t")) for n, line in enumerate(lines)]
        words = [(n, cols) for n, cols in rows if _is_word_row(cols)]
        if words and relations.relabel([cols for _, cols in words]):
            for n, cols in words:
                lines[n] = "\t".join(cols)
        out.append("\n".join(lines))
    return "\n\n".join(out)


def read_conllu_docs(
    nlp: Language,
    path: Path,
    strip_feats: bool = False,
    limit: int = 0,
    modernise: bool = False,
    harmoniser: UposHarmoniser | None = None,
    relations: RelationHarmoniser | None = None,
) -> list[Doc]:
    """Read a UD CoNLL-U file into one Doc per sentence (syntactic words as tokens).

    ``strip_feats`` drops FEATS (for treebanks mixing annotated and unannotated features);
    ``modernise`` applies :func:`modernise_gsd_v2` (with ``harmoniser``); ``relations`` relabels
    modifier relations to the target treebank's convention (:class:`RelationHarmoniser`).
    """
    text = path.read_text(encoding="utf-8")
    if modernise:
        text = modernise_gsd_v2(text, harmoniser)
    if relations is not None:
        text = harmonise_relations(text, relations)
    if strip_feats:
        text = "\n".join(_FEATS_RE.sub(r"\1\t\2\t\3\t\4\t\5\t_\t", line) for line in text.split("\n"))
    if limit:
        text = "\n\n".join(text.strip().split("\n\n")[:limit]) + "\n"
    docs = list(conllu_to_docs(text, n_sents=1, merge_subtokens=False, no_print=True))
    for doc in docs:
        # The converter sets entities from MISC columns when present; UD has none we want.
        doc.ents = []
    return docs


def conllu_sentences(path: Path) -> list[tuple[str, list[str]]]:
    """``(text, words)`` per sentence, for dedupe/statistics."""
    out = []
    text = ""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line and line[0].isdigit():
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])
        elif not line.strip() and words:
            out.append((text, words))
            text, words = "", []
    if words:
        out.append((text, words))
    return out
