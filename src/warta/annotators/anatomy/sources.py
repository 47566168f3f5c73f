"""Where a story was taken from: 'Sumber: Sputnik-OANA', 'Source: Reuters', 'Dilansir AFP',
'dikutip dari Reuters', a closing 'ANTARA' line."""

from __future__ import annotations

import re

from warta.annotators.anatomy import lexicon_en, lexicon_id
from warta.annotators.anatomy.outlets import AGENCIES, OUTLETS
from warta.record import Source
from warta.record.spans import span

_LABELS = "|".join(
    re.escape(s) for s in sorted(lexicon_id.SOURCE_LABELS + lexicon_en.SOURCE_LABELS, key=len, reverse=True)
)
_SOURCE_LINE = re.compile(
    rf"[ \t(\[]*(?P<label>(?i:{_LABELS}))[ \t\u00a0]*:[ \t\u00a0]*(?P<value>[^\n]+?)[ \t)\].]*$"
)
_SPLIT = re.compile(r"\s*(?:[-–—/,;&+|]|\bdan\b|\band\b)\s*")

_CUE = "|".join(lexicon_id.SOURCE_CUES)
_DESCRIPTOR = "|".join(re.escape(d) for d in lexicon_id.SOURCE_DESCRIPTORS)
_NAME = r"(?:The\s+)?[A-Z][\w.&'’\-]*(?:\s+(?:[A-Z][\w.&'’\-]*|[A-Z]{2,}|TV|News|Post|Times)){0,4}"
_INLINE = re.compile(
    rf"\b(?P<cue>(?i:{_CUE}))(?:\s*dari|\s+[\w.]+\s+dari)?\s*(?:(?:{_DESCRIPTOR})\s+)?\[?(?P<name>{_NAME})"
)
_KNOWN = {n.lower() for n in AGENCIES + OUTLETS}
_DOMAIN = re.compile(r"[A-Za-z][\w\-]*(?:\.[A-Za-z]{2,})+$")
# words that begin a capitalised phrase but are not outlets: "dikutip dari Presiden ...", day names
_NOT_OUTLET = {
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "presiden",
    "menteri",
    "kepala",
    "ketua",
    "dia",
    "ia",
    "mereka",
    "pihak",
    "pernyataan",
    "keterangan",
}


def is_source_line(line: str) -> bool:
    return bool(_SOURCE_LINE.match(line)) and len(line.split()) <= 12


def sources_in_line(text: str, start: int, end: int) -> list[Source]:
    m = _SOURCE_LINE.match(text, start, end)
    if not m:
        return []
    out = []
    pos = m.start("value")
    for piece in _SPLIT.split(m.group("value")):
        if not piece:
            continue
        idx = text.find(piece, pos, end)
        if idx < 0:
            continue
        pos = idx + len(piece)
        sp = span(text, idx, idx + len(piece), strip=" \t\u00a0.()[]")
        if sp.text:
            out.append(Source(name=sp.text, start=sp.start, end=sp.end, text=sp.text, cue=m.group("label")))
    return out


def inline_sources(text: str, start: int, end: int) -> list[Source]:
    """Attribution to another outlet inside a body paragraph: 'Dilansir AFP, Minggu (19/10/2025), ...'."""
    out = []
    for m in _INLINE.finditer(text, start, end):
        name = m.group("name")
        if name.split()[0].lower() in _NOT_OUTLET:
            continue
        if m.group("cue").lower() == "mengutip" and name.lower() not in _KNOWN and not _DOMAIN.match(name):
            continue  # "mengutip" also quotes people; only named outlets count
        sp = span(text, m.start("name"), m.end("name"), strip=" \t\u00a0.,")
        out.append(Source(name=sp.text, start=sp.start, end=sp.end, text=sp.text, cue=m.group("cue")))
    return out


_AGENCY_NAMES = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
# "menyampaikan kepada AFP", "kata X kepada Reuters": the story's facts come from the agency
_TOLD_AGENCY = re.compile(rf"\b(?P<cue>kepada)\s+(?P<name>{_AGENCY_NAMES})\b")


def told_agency_sources(text: str, start: int, end: int) -> list[Source]:
    """Agencies a speaker talked to: a weaker sign than a source line, used only where there is none."""
    out = []
    for m in _TOLD_AGENCY.finditer(text, start, end):
        sp = span(text, m.start("name"), m.end("name"))
        out.append(Source(name=sp.text, start=sp.start, end=sp.end, text=sp.text, cue=m.group("cue")))
    return out


def closing_agency(line: str) -> bool:
    """A line that is only an agency's name, as wire copy ends: 'ANTARA', '(ant)'."""
    return line.strip(" \t()[]-–—.").lower() in _KNOWN
