"""Credit lines ('Pewarta: X', 'Editor : Y', 'By Z') and wire credit notes
('(Reporting by X; Editing by Y)')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from warta.annotators.anatomy import lexicon_en, lexicon_id
from warta.record import Credit
from warta.record.spans import span

CREDIT_LABELS = {**lexicon_en.CREDIT_LABELS, **lexicon_id.CREDIT_LABELS}
_LABEL = "|".join(re.escape(k) for k in sorted(CREDIT_LABELS, key=len, reverse=True))
# a label followed by a colon, at the start of a line or after a separator on it
_LABELLED = re.compile(rf"(?:^|(?<=[\s|/•·,;]))(?P<label>(?i:{_LABEL}))[ \t\u00a0]*:[ \t\u00a0]*")
_LINE_START = re.compile(rf"[\s(\[]*(?i:{_LABEL})[ \t\u00a0]*:")
_BYLINE = re.compile(r"[ \t]*(?P<label>By|BY|Oleh|OLEH)[ \t\u00a0]+(?P<names>[A-Z][^\n]{1,120})$")
_BY_ROLE = "|".join(re.escape(k) for k in sorted(lexicon_en.BY_ROLES, key=len, reverse=True))
_NOTE = re.compile(rf"\((?P<body>(?i:{_BY_ROLE})\s+by\s[^()]{{2,400}})\)")
_NOTE_PART = re.compile(rf"(?P<label>(?i:{_BY_ROLE}))\s+by\s+")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\||\band\b|\bdan\b)\s*")
_NAME_OK = re.compile(r"[A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){0,5}$")


def _names(text: str, start: int, end: int, *, strip_place: bool = False) -> Iterator[tuple[int, int]]:
    """Each person's name in text[start:end], as offsets; descriptors and places dropped."""
    pos = start
    value = text[start:end]
    for piece in [*_NAME_SPLIT.split(value)]:
        idx = text.find(piece, pos, end) if piece else -1
        if idx < 0:
            continue
        pos = idx + len(piece)
        s, e = idx, idx + len(piece)
        if strip_place:
            m = re.search(r"\s+in\s+[A-Z]", text[s:e])
            if m:
                e = s + m.start()
        words = text[s:e].split()
        if not words or words[0].lower() in lexicon_id.CREDIT_DESCRIPTORS:
            continue
        name = text[s:e].strip(" .()[]\t")
        if not _NAME_OK.match(name) and not (name.isupper() and 1 < len(name) <= 5):
            continue
        s = text.find(name, s, e)
        yield s, s + len(name)


def _credit(text: str, s: int, e: int, role: str, label: str) -> Credit:
    sp = span(text, s, e)
    return Credit(
        role=role, name=" ".join(sp.text.split()), start=sp.start, end=sp.end, text=sp.text, label=label
    )


def is_credit_line(line: str) -> bool:
    return bool(_LINE_START.match(line)) or bool(_BYLINE.match(line) and len(line.split()) <= 12)


def credits_in_line(text: str, start: int, end: int) -> list[Credit]:
    """Credits on a credit line text[start:end]: 'Pewarta: A | Editor: B', 'By A and B'."""
    line = text[start:end]
    out: list[Credit] = []
    labels = list(_LABELLED.finditer(line))
    if labels:
        for i, m in enumerate(labels):
            value_end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
            role = CREDIT_LABELS[m.group("label").lower()]
            for s, e in _names(text, start + m.end(), start + value_end):
                out.append(_credit(text, s, e, role, m.group("label")))
        return out
    by = _BYLINE.match(line)
    if by:
        names_end = start + by.end("names")
        # "By Jane Doe, Reuters": the outlet after the last comma is not a person
        for s, e in _names(text, start + by.start("names"), names_end):
            if text[s:e] not in ("Reuters", "AP", "AFP", "Associated Press", "Bloomberg"):
                out.append(_credit(text, s, e, "reporter", by.group("label")))
    return out


def credit_notes(text: str, start: int, end: int) -> list[tuple[int, int, list[Credit]]]:
    """Wire credit notes in text[start:end]: (note start, note end, credits)."""
    out = []
    for m in _NOTE.finditer(text, start, end):
        credits: list[Credit] = []
        body_start, body_end = m.start("body"), m.end("body")
        for part_start, part_end in _parts(text, body_start, body_end):
            while part_start < part_end and text[part_start].isspace():
                part_start += 1
            pm = _NOTE_PART.match(text, part_start, part_end)
            if not pm:
                continue
            role = lexicon_en.BY_ROLES[pm.group("label").lower()]
            for s, e in _names(text, pm.end(), part_end, strip_place=True):
                credits.append(_credit(text, s, e, role, pm.group("label") + " by"))
        if credits:
            out.append((m.start(), m.end(), credits))
    return out


def _parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in re.finditer(r";", text[start:end]):
        yield pos, start + m.start()
        pos = start + m.end()
    yield pos, end
