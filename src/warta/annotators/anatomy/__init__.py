"""The anatomy of a news article: title, dateline, credits, sources, related lines, copyright, body.

Works on blocks (paragraphs as printed). Each block is first recognised by what it is (a credit line,
a 'Baca juga' line, residue...); the title and the dateline are looked for at the top; what is left is
the body, from which inline wire credits are trimmed and inline source attributions collected.
"""

from __future__ import annotations

from typing import Any

from warta.annotators.anatomy.blocks import Block, split_blocks
from warta.annotators.anatomy.credits import credit_notes, credits_in_line, is_credit_line
from warta.annotators.anatomy.dateline import DatelineMatch, match_dateline
from warta.annotators.anatomy.lines import copyright_line, is_caption, is_residue, is_subheading, related_line
from warta.annotators.anatomy.sources import (
    closing_agency,
    inline_sources,
    is_source_line,
    sources_in_line,
    told_agency_sources,
)
from warta.document import Document
from warta.record import Copyright, Credit, Dateline, Paragraph, Related, Source, Span
from warta.record.spans import span

__all__ = ["AnatomyAnnotator", "find_anatomy"]

_CONTENT = ("body", None)


def _looks_like_title(block: Block, following: Block | None, dateline_follows: bool) -> bool:
    text = block.text
    if following is None or "\n" in text.strip() or block.words > 25 or len(text) > 220:
        return False
    if text[:1] in "\"“‘'(" or text.rstrip().endswith((",", ":", ";")):
        return False
    if dateline_follows:
        return True
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and block.words >= 3:
        return True
    # a one-sentence headline followed by a longer paragraph, separated by a blank line
    blank_between = following.lines[0].index - block.lines[-1].index > 1
    one_sentence = ". " not in text.strip().rstrip(".!?")
    return blank_between and one_sentence and block.words <= 16 and following.words > block.words


def _dateline(text: str, m: DatelineMatch) -> Dateline:
    whole = span(text, m.start, m.end)
    place = span(text, *m.place, strip=" \t\u00a0,") if m.place else None
    agency = span(text, *m.agency) if m.agency else None
    return Dateline(
        place=place.text if place else None,
        agency=agency.text if agency else None,
        date=text[m.date[0] : m.date[1]] if m.date else None,
        start=whole.start,
        end=whole.end,
        text=whole.text,
        place_span=place,
        agency_span=agency,
    )


def find_anatomy(text: str, blocks: list[Block]) -> dict[str, Any]:
    kinds: list[str | None] = [None] * len(blocks)
    credits: list[Credit] = []
    sources: list[Source] = []
    related: list[Related] = []
    copyright: Copyright | None = None
    for i, b in enumerate(blocks):
        if kinds[i]:
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        rel = related_line(text, b.start, b.end, (nxt.start, nxt.end) if nxt else None)
        if rel:
            kinds[i] = "related"
            related.append(rel)
            if nxt and rel.line.end >= nxt.end:
                kinds[i + 1] = "related"
            continue
        cr = copyright_line(text, b.start, b.end)
        if cr:
            kinds[i] = "copyright"
            copyright = copyright or cr
        elif is_credit_line(b.text):
            kinds[i] = "credit"
            credits.extend(credits_in_line(text, b.start, b.end))
        elif is_source_line(b.text):
            kinds[i] = "source"
            sources.extend(sources_in_line(text, b.start, b.end))
        elif is_residue(b.text):
            kinds[i] = "residue"
        elif is_caption(b.text):
            kinds[i] = "caption"
        elif i >= len(blocks) - 4 and closing_agency(b.text):
            kinds[i] = "source"
            sp = span(text, b.start, b.end, strip=" \t\u00a0()[]-–—.")
            sources.append(Source(name=sp.text, start=sp.start, end=sp.end, text=sp.text, cue=None))

    # the title and the dateline stand at the top, after any residue (images) and bylines
    content = [i for i, k in enumerate(kinds) if k is None]
    title_span: Span | None = None
    dateline: Dateline | None = None
    if content:
        first = content[0]
        m = match_dateline(text, blocks[first].start, blocks[first].end)
        if m is None and len(content) > 1:
            second = blocks[content[1]]
            m2 = match_dateline(text, second.start, second.end)
            if _looks_like_title(blocks[first], second, m2 is not None):
                kinds[first] = "title"
                title_span = span(text, blocks[first].start, blocks[first].end)
                m = m2
        if m is not None:
            dateline = _dateline(text, m)

    told: list[Source] = []
    body: list[Paragraph] = []
    body_blocks = [i for i, k in enumerate(kinds) if k is None]
    for n, i in enumerate(body_blocks):
        b = blocks[i]
        start, end = b.start, b.end
        if dateline and start <= dateline.start < end:
            start = dateline.end
        for note_start, note_end, note_credits in credit_notes(text, start, end):
            credits.extend(note_credits)
            if text[note_end:end].strip(" .\n") == "":
                end = note_start
        sp = span(text, start, end)
        if not sp.text:
            continue
        if 0 < n < len(body_blocks) - 1 and is_subheading(sp.text) and blocks[body_blocks[n + 1]].words > 12:
            continue
        sources.extend(inline_sources(text, sp.start, sp.end))
        told.extend(told_agency_sources(text, sp.start, sp.end))
        body.append(Paragraph(start=sp.start, end=sp.end, text=sp.text))

    if not sources:  # explicit attribution (source lines, "dilansir") outranks who a speaker talked to
        sources.extend(told)
    return {
        "title_span": title_span,
        "dateline": dateline,
        "credits": credits,
        "sources": _unique_sources(sources),
        "related": related,
        "copyright": copyright,
        "body": body,
        "clean_text": "\n\n".join(" ".join(p.text.split()) for p in body),
    }


def _unique_sources(sources: list[Source]) -> list[Source]:
    seen: set[str] = set()
    out = []
    for s in sorted(sources, key=lambda s: s.start):
        key = s.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


class AnatomyAnnotator:
    name = "anatomy"
    version = "1"
    requires: tuple[str, ...] = ()
    provides = ("title_span", "dateline", "credits", "sources", "related", "copyright", "body", "clean_text")

    def find(self, document: Document) -> dict[str, Any]:
        return find_anatomy(document.text, split_blocks(document.text, document.lines))
