"""What a block is when it is not body: related-article lines, copyright lines, residue, captions."""

from __future__ import annotations

import re

from warta.annotators.anatomy import lexicon_en, lexicon_id
from warta.record import Copyright, Related
from warta.record.spans import span

_RELATED_CUES = "|".join(
    re.escape(c).replace(r"\ ", r"\s+")
    for c in sorted(lexicon_id.RELATED_CUES + lexicon_en.RELATED_CUES, key=len, reverse=True)
)
_RELATED = re.compile(
    rf"[ \t\u00a0]*(?P<cue>(?i:{_RELATED_CUES})(?:[ \t\u00a0]+(?i:video|berita|artikel))?)"
    rf"(?P<sep>[ \t\u00a0]*[:\-–—»>|]+[ \t\u00a0]*|[ \t\u00a0]+(?=[\"“'‘A-Z0-9]))(?P<title>.*)$"
)
# cues that are also ordinary words ("Lihat juga bagaimana ...", "Watch out"): need a colon, 'video' or quotes
_WEAK_CUES = ("lihat juga", "simak juga", "tonton juga", "saksikan juga", "watch", "related", "more on this")
_QUOTED = re.compile(r"[\"“‘'](?P<t>[^\"”’]{3,200})[\"”’']")
_TRAILER = re.compile(r"[\s:]*(?:di\s*sini|here|selengkapnya)?[\s:.]*$", re.IGNORECASE)

_COPYRIGHT = re.compile(
    r"[ \t]*(?:(?i:copyright|hak\s+cipta)\b[ \t]*(?:©|\(c\))?|©|\(c\)[ \t]*(?i:copyright))(?P<rest>[^\n]*)$"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_COPYRIGHT_NOISE = re.compile(
    r"(?i:all\s+rights\s+reserved|hak\s+cipta\s+dilindungi\s+undang-undang|copyright|hak\s+cipta|©|\(c\))"
)

_RESIDUE = {w for w in lexicon_id.RESIDUE_LINES + lexicon_en.RESIDUE_LINES}
_EMBED = re.compile(
    r"\s*(?:!?\[[^\]]*\]\([^)]*\)|\[(?:video|gambas|embed|img|image|foto|photo|iframe)[^\]]*\]|"
    r"https?://\S+|www\.\S+|\[embedded content\]|<[^>]+>)\s*$",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"\(\s*[a-z]{2,5}(?:\s*[/\-]\s*[a-z]{2,5})+\s*\)$|\(\s*[a-z*]{2,5}\s*\)$")
_CAPTION_MARKERS = lexicon_id.CAPTION_MARKERS + lexicon_en.CAPTION_MARKERS
_TERMINAL = tuple(".!?\"”’')…:;")


def related_line(
    text: str, start: int, end: int, next_line: tuple[int, int] | None = None
) -> Related | None:
    """A 'Baca juga: ...' line; with no title after the cue, the next line is the title."""
    m = _RELATED.match(text, start, end)
    if not m:
        return None
    cue = " ".join(m.group("cue").split())
    title_start, title_end = m.start("title"), m.end("title")
    weak = cue.lower().split(" video")[0] in _WEAK_CUES
    if (
        weak
        and ":" not in m.group("sep")
        and "video" not in cue.lower()
        and not _QUOTED.match(text, title_start, title_end)
    ):
        return None
    quoted = _QUOTED.search(text, title_start, title_end)
    if quoted:
        title_start, title_end = quoted.start("t"), quoted.end("t")
    else:
        trailer = _TRAILER.search(text, title_start, title_end)
        if trailer:
            title_end = trailer.start()
    line = span(text, start, end)
    if title_end - title_start < 3:
        if next_line is None:
            return None
        title = span(text, *next_line)
        line = span(text, start, next_line[1])
    else:
        title = span(text, title_start, title_end)
    if not title.text or len(title.text.split()) > 40:
        return None
    return Related(title=title.text, start=title.start, end=title.end, text=title.text, cue=cue, line=line)


def copyright_line(text: str, start: int, end: int) -> Copyright | None:
    line = text[start:end]
    if len(line.split()) > 20:
        return None
    m = _COPYRIGHT.match(line)
    if not m:
        return None
    rest = _COPYRIGHT_NOISE.sub(" ", line)
    year_m = _YEAR.findall(rest)
    holder = _YEAR.sub(" ", rest)
    holder = " ".join(holder.replace("-", " ").strip(" .,;:-–—").split()).strip(" .,;:") or None
    sp = span(text, start, end)
    return Copyright(
        holder=holder, year=int(year_m[-1]) if year_m else None, start=sp.start, end=sp.end, text=sp.text
    )


def is_residue(line: str) -> bool:
    """Page furniture: ad markers, embeds, bare links, initials, sign-offs."""
    stripped = line.strip()
    bare = stripped.lower().strip(" .:-–—*•|")
    if not bare:
        return True
    if bare in _RESIDUE:
        return True
    if _EMBED.match(stripped) or _INITIALS.match(bare):
        return True
    return not any(ch.isalnum() for ch in stripped)


def is_caption(line: str) -> bool:
    """A photo caption: a short line that ends with its credit ('... Foto: X', '(Foto: ...)')."""
    low = line.lower().strip()
    if len(low.split()) > 60:
        return False
    if low.startswith(("foto:", "photo:", "foto :")):
        return True
    for marker in _CAPTION_MARKERS:
        at = low.rfind(marker)
        if at >= 0 and len(low[at + len(marker) :].split()) <= 8:
            return True
    return False


def is_subheading(line: str) -> bool:
    """A short line without closing punctuation inside the body: a sub-heading."""
    stripped = line.strip()
    words = stripped.split()
    if 0 < len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return True  # "Akhir Cerita?": a title-case fragment, whatever its punctuation
    return 0 < len(words) <= 10 and len(stripped) <= 90 and not stripped.endswith(_TERMINAL)
