"""Who said what: direct and indirect quotes in the body, with their speaker and cue.

Direct quotes are the words between double quotation marks (straight, curly, « »), paired within a
paragraph; a quote running over paragraphs repeats its opening mark and closes only at its end; a mark
missing its partner ends at its attribution or at its paragraph, never later. Indirect quotes are
reported clauses around a speech cue, in the orders news copy uses ("X mengatakan bahwa ...",
"..., kata X.", "Menurut X, ...", "X said that ...", "..., according to X."). Speakers are resolved to
entities (found by the entities annotator) when a mention stands where the speaker stands; pronouns and
-nya forms fall back on the previous speaker. Every step looks at a bounded window around one quote mark
or one sentence, so the work is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from warta.annotators.quotes import cues_en, cues_id
from warta.document import Document
from warta.record import Cue, Entity, Paragraph, Quote, Speaker
from warta.record.spans import trim

__all__ = ["QuotesAnnotator", "find_quotes"]

_OPEN = '"“«„'
_CLOSE = '"”»'
_MARKS = re.compile(r"[\"“”«»„]")
_PRONOUNS = frozenset("ia dia beliau he she they mereka kami we i saya".split())
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|"
    r"Jl|No|Vol|Kab|Prov|vs|etc|H|Hj|[A-Z]))\.$"
)
_SENT = re.compile(r"[.!?]+[\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])|\n\s*\n")
_NP_CUT = re.compile(
    r"\s(?:in|on|at|from|di|pada|dalam|saat|ketika|usai|kepada|to|when|after|yesterday|today|who|yang|dilansir|"
    r"dikutip|seperti|as)\b.*$",
    re.S,
)
_NP_LEAD = re.compile(
    r"^(?:but|and|however|meanwhile|yet|so|also|namun|tetapi|tapi|sementara(?: itu)?|selain itu|"
    r"sedangkan|lalu|kemudian|adapun|bahkan|then|later|earlier|separately)\b[\s,]*",
    re.I,
)
_MIN_WORDS = 3
# lower-case words that may stand between a sentence start and its subject ("but", "the", "former")
_AUX = frozenset("has have had is was were will would did does do can could should may might said says".split())
_SUBJECT_GLUE = frozenset("but and the so yet then later also namun lalu kemudian sementara itu".split())
_NP_TRAIL = frozenset(
    "pun juga belum sudah telah kini awalnya also had has have already then still sempat masih".split()
)
_NP_BAD_START = frozenset("yang as has had have is was were it its this that itu ini dan and".split())
_NP_BAD = frozenset(
    "has had have was were is are been mencoba akan will would could should yang who which".split()
)


def _cues(lang: str | None) -> ModuleType:
    return cues_en if lang == "en" else cues_id


# a trailing note of the medium a statement was taken from
_MEDIA_ASIDE = re.compile(
    r",\s+(?:(?:sebagaimana|seperti)\s+(?:dilansir|dikutip|diberitakan|dilaporkan)|dilansir|dikutip\s+dari"
    r"|as\s+(?:reported|quoted)\s+by)\b[^\n]*$"
)
# after a cue, the person or medium a statement was made to: "kepada wartawan", "to reporters"
_ADDRESSEE = re.compile(r"\s(?:kepada|pada|to)\s")
# a US politician's party and state after the name: "D-Mich", "R-Texas", "(D-N.Y.)", "I-Vt."
_PARTY_STATE = re.compile(r"\(?[DRI]-[A-Z][A-Za-z.]{0,12}(?: [A-Z][A-Za-z.]{0,12})?\)?")


@dataclass
class _Spk:
    """Who a quote is attributed to, before anaphora are resolved."""

    name: str | None = None
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    anaphor: bool = False  # a pronoun or -nya: the previous speaker


@dataclass
class _Found:
    kind: str
    start: int
    end: int
    para: int
    cue: tuple[int, int] | None
    spk: _Spk | None


class _Mentions:
    """Entity mentions by position."""

    def __init__(self, entities: list[Entity]) -> None:
        items = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.items = items
        self.starts = [i[0] for i in items]

    def within(self, a: int, b: int) -> list[tuple[int, int, Entity]]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.items) and self.items[i][0] < b:
            if self.items[i][1] <= b:
                out.append(self.items[i])
            i += 1
        return out


class _Finder:
    def __init__(self, text: str, body: list[Paragraph], entities: list[Entity], lang: str | None) -> None:
        self.text = text
        self.body = body
        self.lang = lang
        self.cues = _cues(lang)
        self.mentions = _Mentions(entities)
        self.by_id = {e.id: e for e in entities}
        after = sorted(self.cues.AFTER, key=len, reverse=True)
        verbs = sorted(set(self.cues.VERBS), key=len, reverse=True)
        self.after_re = re.compile(r"\b(?:demikian\s+)?(" + "|".join(after) + r")\b", re.I)
        self.verb_re = re.compile(r"\b(" + "|".join(verbs) + r")\b")
        self.any_cue_re = re.compile(
            r"\b(" + "|".join(sorted(set(after) | set(verbs), key=len, reverse=True)) + r"|according to)\b",
            re.I,
        )

    # ------------------------------------------------------------------ speakers

    def speaker_in(self, a: int, b: int, *, first: bool = True) -> _Spk | None:
        """The speaker named in text[a:b]: a person, else an organisation, else a place, else a pronoun."""
        a, b = trim(self.text, a, b)
        if a >= b:
            return None
        found = self.mentions.within(a, b)
        lows = self.text[a:b].lower().split()
        if (
            len(lows) >= 3
            and lows[0] in self.cues.PERSON_ROLES
            and lows[-1] in self.cues.DEMONSTRATIVES
            and not [m for m in found if m[2].type == "PER"]
        ):
            # "kata politisi Partai Hanura itu": a description of someone named before, not the party
            return _Spk(None, None, a, b, anaphor=True)
        pronoun = None
        for want in ("PER", "ORG"):
            cands = [m for m in found if m[2].type == want]
            named = [m for m in cands if self.text[m[0] : m[1]].lower() not in _PRONOUNS]
            if named:
                s, e, ent = named[0] if first else named[-1]
                return _Spk(ent.name, ent.id, s, e)
            if cands and pronoun is None:
                pronoun = cands[0]
        if pronoun is not None:
            s, e, ent = pronoun
            return _Spk(ent.name, ent.id, s, e, anaphor=True)
        chunk = self.text[a:b]
        m = re.match(r"(\w+)", chunk)
        if m and m.group(1).lower() in _PRONOUNS:
            return _Spk(None, None, a + m.start(1), a + m.end(1), anaphor=True)
        low = chunk.lower()
        if any(low.startswith(w) or f" {w}" in low[:40] for w in self.cues.STATEMENT):
            return _Spk(anaphor=True)
        np = self._np(a, b)
        if np is None:
            places = [m for m in found if m[2].type == "LOC"]
            if places:
                s, e, ent = places[0]
                return _Spk(ent.name, ent.id, s, e)
        return np

    def _np(self, a: int, b: int) -> _Spk | None:
        """An unnamed speaker as the article describes it: 'polisi', 'a spokesman for the owners'."""
        chunk = self.text[a:b]
        lead = _NP_LEAD.match(chunk)
        if lead:
            a += lead.end()
            chunk = chunk[lead.end() :]
        cut = _NP_CUT.search(chunk)
        if cut:
            chunk = chunk[: cut.start()]
        chunk = chunk.strip(" ,\n")
        words = chunk.split()
        while words and words[-1].lower() in _NP_TRAIL:
            words.pop()
        if not words or len(words) > 7 or not any(c.isalpha() for c in chunk):
            return None
        if len(words) == 1 and words[0].lower() in ("the", "a", "an"):
            return None
        if (
            words[0].lower() in _NP_BAD_START
            or any(w.lower() in _NP_BAD for w in words)
            or any(c.isdigit() for c in chunk)
        ):
            return None
        chunk = chunk[: chunk.find(words[-1]) + len(words[-1])]
        s = a + self.text[a:b].find(chunk)
        e = s + len(chunk)
        lows = [w.lower().strip(",.") for w in words]
        definite = (lows[0] in ("the", "this") and len(lows) > 1) or (
            lows[-1] in self.cues.DEMONSTRATIVES and lows[0] not in ("the",) and len(lows) > 1
        )
        if definite and any(w in self.cues.PERSON_ROLES for w in lows):
            # "the Republican candidate", "pejabat tersebut": a description of someone named before
            return _Spk(None, None, s, e, anaphor=True)
        return _Spk(" ".join(words), None, s, e)

    def subject(self, sent_start: int, cue_start: int) -> _Spk | None:
        """The speaker before a verb: the grammatical subject of the cue's clause.

        The clause is cut at commas (outside parentheses); chunks that open with a preposition or a
        subordinator ("saat dihubungi dari Mataram", "who was speaking to ...") or hold only a date are
        adverbials and skipped. Going back from the verb, the first chunk naming a person gives the
        speaker ("Kepala Seksi Humas PT X, Eka Asmadi, saat dihubungi, mengatakan"); else the nearest
        organisation; else a pronoun or an unnamed speaker next to the verb.
        """
        pre = self.text[sent_start:cue_start]
        rel = re.search(r"\b(yang|who|which)\s+$", pre)
        if rel:
            # "klaim The Guardian yang menyebut": the name right before the relative pronoun
            before = self.mentions.within(max(sent_start, cue_start - 120), sent_start + rel.start())
            named = [
                m
                for m in before
                if m[2].type in ("PER", "ORG") and self.text[m[0] : m[1]].lower() not in _PRONOUNS
            ]
            if named:
                s, e, ent = named[-1]
                return _Spk(ent.name, ent.id, s, e)
        chunks = self._chunks(sent_start, cue_start)
        if not chunks:
            return None
        core = [c for c in chunks if not self._adverbial(*c)]
        for want in ("PER", "ORG"):
            for a, b in reversed(core):
                named = [
                    m
                    for m in self.mentions.within(a, b)
                    if m[2].type == want
                    and self.text[m[0] : m[1]].lower() not in _PRONOUNS
                    and (b == core[-1][1] or self._chunk_initial(a, m[0]))
                ]
                if named:
                    s, e, ent = named[0]
                    return _Spk(ent.name, ent.id, s, e)
        last = core[-1] if core else chunks[-1]
        spk = self.speaker_in(*last)
        if spk is None and core and core[0] != last:
            spk = self.speaker_in(*core[0])
        return spk

    def sentence_subject(self, s: int, limit: int) -> _Spk | None:
        """The subject opening the sentence at s: the words up to its first auxiliary or verb."""
        m = re.match(r"(?:(?:But|And|However|Meanwhile|Yet|So),?\s+)?", self.text[s:limit])
        a = s + (m.end() if m else 0)
        words = list(re.finditer(r"\S+", self.text[a:limit]))
        end = a
        for w in words[:8]:
            low = w.group().lower().strip(",")
            if low in _AUX or (low.endswith("ed") and w.group()[:1].islower()) or w.group().endswith(","):
                if w.group().endswith(",") and low not in _AUX:
                    end = a + w.end() - 1
                break
            end = a + w.end()
        else:
            return None
        if end <= a:
            return None
        spk = self.speaker_in(a, end)
        return spk

    def _chunks(self, a: int, b: int) -> list[tuple[int, int]]:
        """text[a:b] cut at commas outside parentheses (and at dashes), trimmed, empty ones left out."""
        out: list[tuple[int, int]] = []
        depth = 0
        s = a
        for i in range(a, b):
            ch = self.text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and (ch in ",;" or ch in "—–"):
                out.append((s, i))
                s = i + 1
        out.append((s, b))
        res = []
        for x, y in out:
            x, y = trim(self.text, x, y)
            if x < y:
                res.append((x, y))
        return res

    def _chunk_initial(self, a: int, s: int) -> bool:
        """The mention at s opens the chunk at a (after titles and capitalised words): a subject,
        not an object ("did not mention Trump by name")."""
        return all(w[:1].isupper() or w.lower() in _SUBJECT_GLUE for w in self.text[a:s].split())

    def _adverbial(self, a: int, b: int) -> bool:
        m = re.match(r"[\"“”(]*(\w+)", self.text[a:b])
        if not m:
            return True
        first = m.group(1).lower()
        if first in self.cues.ADVERBIAL:
            return True
        if _PARTY_STATE.fullmatch(self.text[a:b]):
            # "John Dingell, D-Mich, said": a US politician's party and state, not the subject
            return True
        # a bare date or day: "Kamis", "Senin (21/10/2025)", "on Monday"
        return bool(re.fullmatch(r"[\w\s/()\-.]*\d[\w\s/()\-.]*|\w+(?:\s*\([\d/]+\))?", self.text[a:b])) and not [
            m2 for m2 in self.mentions.within(a, b) if m2[2].type in ("PER", "ORG")
        ]

    def _speaker_before_addressee(self, a: int, b: int) -> tuple[_Spk | None, int]:
        """The speaker in text[a:b] and where its phrase ends. Who a statement was made or given to is
        not who made it ("ujar seorang sumber kepada situs Page Six", "laporan polisi yang dibagikan
        kepada AFP"): the phrase stops there when a speaker stands before it."""
        to = _ADDRESSEE.search(self.text, a, b)
        if to is not None:
            spk = self.speaker_in(a, to.start())
            if spk is not None:
                return spk, to.start()
        return self.speaker_in(a, b), b

    def after_cue_speaker(self, cue_end: int, limit: int) -> _Spk | None:
        m = re.match(r"(?:[^.,;:!?\n\"“”«»()]|\([^()\n]{0,40}\))*", self.text[cue_end : min(limit, cue_end + 160)])
        end = cue_end + (m.end() if m else 0)
        if self.lang != "en":
            m2 = re.match(r"\s*oleh\b", self.text[cue_end:end])
            if m2:
                cue_end += m2.end()
        spk, end = self._speaker_before_addressee(cue_end, end)
        if spk is None or spk.entity is None or self._type(spk.entity) != "PER":
            # "kata Kepala Seksi Penerangan Hukum Kejati DKI Jakarta, Syahron Hasibuan": the office,
            # then the person holding it
            appos = re.match(r"\s*,\s*", self.text[end:limit])
            if appos:
                after = end + appos.end()
                named = [m3 for m3 in self.mentions.within(after, min(limit, after + 60)) if m3[2].type == "PER"]
                if named and named[0][0] == after:
                    s, e, ent = named[0]
                    return _Spk(ent.name, ent.id, s, e)
        return spk

    # ------------------------------------------------------------------ sentences

    def sentences(self, a: int, b: int) -> list[tuple[int, int]]:
        out = []
        s = a
        for m in _SENT.finditer(self.text, a, b):
            before = self.text[max(a, m.start() - 6) : m.start() + 1]
            if _ABBREV.search(before):
                continue
            out.append((s, m.end()))
            s = m.end()
        out.append((s, b))
        return [trim(self.text, x, y) for x, y in out if self.text[x:y].strip()]

    # ------------------------------------------------------------------ direct quotes

    def direct(self) -> list[_Found]:
        out: list[_Found] = []
        pending: list[_Found] = []  # parts of a quote running over paragraphs, waiting for its speaker
        for pi, p in enumerate(self.body):
            segs: list[tuple[int, int, bool]] = []  # content start, end, closed
            open_at: int | None = None
            for m in _MARKS.finditer(self.text, p.start, p.end):
                k, ch = m.start(), m.group()
                if open_at is None:
                    if ch in _OPEN:
                        open_at = k + 1
                elif ch in _CLOSE or (ch == "“" and (k + 1 >= p.end or not self.text[k + 1].isalnum())):
                    segs.append((open_at, k, True))
                    open_at = None
                else:
                    open_at = k + 1
            runs_on = False
            if open_at is not None:
                nxt = self.body[pi + 1] if pi + 1 < len(self.body) else None
                if nxt is not None and self.text[nxt.start : nxt.start + 1] in _OPEN:
                    segs.append((open_at, p.end, False))
                    runs_on = True
                else:
                    segs.append((open_at, self._unbalanced_end(open_at, p.end), False))
            prev_end = p.start
            prev_attributed = False
            for i, (s, e, closed) in enumerate(segs):
                cs, ce = trim(self.text, s, e)
                words = len(self.text[cs:ce].split())
                last = i == len(segs) - 1
                open_end = last and runs_on
                found = _Found("direct", cs, ce, pi, None, None)
                attributed = not open_end and self._attribute_after(found, e + (1 if closed else 0), p.end)
                if not attributed:
                    attributed = self._attribute_before(found, prev_end, s - 1)
                para_initial = not self.text[p.start : s - 1].strip()
                continues = bool(pending) and para_initial and i == 0
                if attributed and continues:
                    for f in pending:
                        if f.spk is None:
                            f.spk = found.spk
                elif not attributed and (continues or (para_initial and (open_end or closed))):
                    attributed = True  # speaker from the quote's other paragraphs, else the previous one
                elif not attributed and prev_attributed and closed and self._after_attribution(prev_end, s - 1):
                    # '"...," she said. "..."': a second quote after the attribution, same speaker, no cue
                    attributed = True
                prev_attributed = attributed and found.cue is not None
                if attributed and words >= _MIN_WORDS:
                    out.append(found)
                    if open_end:
                        pending.append(found)
                prev_end = e + 1
            if not runs_on:
                pending = []
        return out

    def _after_attribution(self, a: int, b: int) -> bool:
        """text[a:b] is only the end of an attribution: '... she said.' / ', ujarnya.'"""
        between = self.text[a:b]
        return 0 < len(between) <= 120 and bool(re.search(r"[.:]\s*$", between)) and not re.search(
            r"[.!?]\s+\S", between.rstrip().rstrip(".:")
        )

    def _unbalanced_end(self, a: int, b: int) -> int:
        """Where a quote with no closing mark ends: at its attribution, else at the paragraph's end."""
        m = re.search(r",\s*(?=(?:" + self.after_re.pattern + r"))", self.text[a:b], re.I)
        return a + m.start() + 1 if m else b

    def _attribute_after(self, found: _Found, pos: int, limit: int) -> bool:
        window = self.text[pos : min(limit, pos + 160)]
        m = re.match(r"[\s,]*", window)
        lead = m.end() if m else 0
        rest = window[lead:]
        cm = self.any_cue_re.search(rest)
        if not cm:
            return False
        pre = rest[: cm.start()]
        if re.search(r"[.;!?:\"“”]", pre) or len(pre.split()) > 6:
            return False
        cue_s, cue_e = pos + lead + cm.start(), pos + lead + cm.end()
        found.cue = (cue_s, cue_e)
        if pre.strip():
            found.spk = self.speaker_in(pos + lead, cue_s)
        else:
            found.spk = self._post_speaker(cue_s, cue_e, limit)
        return True

    def _post_speaker(self, cue_s: int, cue_e: int, limit: int) -> _Spk:
        word = self.text[cue_s:cue_e].lower()
        spk = self.after_cue_speaker(cue_e, limit)
        if word.endswith("nya") and word not in ("bunyi",) and (spk is None or not spk.entity):
            return _Spk(anaphor=True, start=cue_e - 3, end=cue_e)
        return spk or _Spk(anaphor=True)

    def _attribute_before(self, found: _Found, a: int, b: int) -> bool:
        pre = self.text[a : max(a, b)]
        if not pre.rstrip().endswith((":", ",")):
            return False
        # the clause right before the mark
        k = max(pre.rfind(". "), pre.rfind("\n"))
        s = a + k + 1 if k >= 0 else a
        cms = list(self.any_cue_re.finditer(self.text, s, b))
        if not cms:
            return False
        cm = cms[-1]
        found.cue = (cm.start(), cm.end())
        word = cm.group().lower()
        if word in ("menurut", "according to") or (
            word in [w.lower() for w in self.cues.AFTER] and not self.text[s : cm.start()].strip()
        ):
            found.spk = self._post_speaker(cm.start(), cm.end(), b)
        else:
            found.spk = self.subject(s, cm.start())
        return True

    # ------------------------------------------------------------------ indirect quotes

    def indirect(self, taken: list[tuple[int, int]]) -> list[_Found]:
        out: list[_Found] = []
        taken_starts = [t[0] for t in taken]
        for pi, p in enumerate(self.body):
            for s, e in self.sentences(p.start, p.end):
                if self._overlaps(taken, taken_starts, s, e) or self.text[s] in _OPEN:
                    continue
                f = self._sentence(s, e, pi)
                if f is not None:
                    out.append(f)
        return out

    @staticmethod
    def _overlaps(taken: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e) - 1
        return i >= 0 and taken[i][1] > s

    def _content(self, a: int, b: int) -> tuple[int, int] | None:
        a, b = trim(self.text, a, b, " \t\r\n\u00a0,:")
        # "... computers and she accused Trump of ...": a second clause of the speaker's own
        cut = re.search(
            r",?\s+(?:and|but|dan|tetapi|namun)\s+(?:he|she|they|ia|dia|beliau|mereka)\s+\w+", self.text[a:b]
        )
        if cut and not re.search(r"[\"“”]", self.text[a : a + cut.start()]):
            b = a + cut.start()
        # "..., sebagaimana dilansir AFP, Jumat (11/7/2025)", "..., as reported by Reuters": where the
        # writer found the statement, not part of it
        cut = _MEDIA_ASIDE.search(self.text, a, b)
        if cut and not re.search(r"[\"“”]", self.text[cut.start() : b]):
            b = cut.start()
        while b > a and self.text[b - 1] in ".!?;":
            b -= 1
        a, b = trim(self.text, a, b, " \t\r\n\u00a0,:")
        if len(self.text[a:b].split()) < _MIN_WORDS:
            return None
        return a, b

    def _sentence(self, s: int, e: int, pi: int) -> _Found | None:
        text = self.text
        sent = text[s:e]
        # "Menurut X, ..." / "According to X, ..."
        for lead in self.cues.LEAD:
            m = re.match(r"(" + lead + r")(nya)?\b", sent, re.I)
            if m:
                comma = sent.find(",", m.end())
                if comma < 0 or comma - m.end() > 80:
                    break
                content = self._content(s + comma + 1, e)
                if content is None:
                    return None
                if m.group(2):
                    spk = _Spk(anaphor=True, start=s + m.start(2), end=s + m.end(2))
                else:
                    spk = self._speaker_before_addressee(s + m.end(), s + comma)[0] or _Spk(anaphor=True)
                return _Found("indirect", *content, pi, (s + m.start(), s + m.end()), spk)
        # "..., kata X." / "..., X said." / "..., according to X."
        for m in re.finditer(r",\s*", sent):
            rest_at = m.end()
            rest = sent[rest_at:]
            cm = self.any_cue_re.match(rest) if self.lang != "en" else None
            if self.lang != "en" and cm is None:
                cm = re.match(
                    r"demikian\s+(" + self.after_re.pattern[len(r"\b(?:demikian\s+)?") :] + ")", rest, re.I
                )
            pre_words = 0
            if self.lang == "en":
                cm = re.match(r"(?:according to|" + "|".join(self.cues.AFTER) + r")\b", rest)
                if cm is None:
                    cm2 = self.verb_re.search(rest, 0, 80)
                    if cm2 is not None and cm2.group() in self.cues.AFTER:
                        pre = rest[: cm2.start()]
                        pre_words = len(pre.split())
                        if (
                            0 < pre_words <= 6
                            and not re.search(r"[,;:\"“”]", pre)
                            and self._ends_here(rest[cm2.end() :])
                        ):
                            cm = cm2
            if cm is None:
                continue
            word = cm.group(cm.lastindex or 0) if cm.lastindex else cm.group()
            if word.lower() not in [w.lower() for w in self.cues.AFTER] + ["according to"]:
                continue
            if self.lang != "en" and not self._ends_here(rest[cm.end() :], max_words=14):
                continue
            if (
                self.lang == "en"
                and not pre_words
                and word.lower() != "according to"
                and (
                    not self._ends_here(rest[cm.end() :], max_words=12)
                    or re.match(r"\s+(?:he|she|they|it|we|i|you|there|this)\b", rest[cm.end() :], re.I)
                )
            ):
                continue  # "X, however, said they ...": the cue opens a reported clause, not a trailing one
            if (
                self.lang == "en"
                and word.lower() != "according to"
                and not pre_words
                and re.match(r"\s+(?!(?:the|a|an|his|her|its|their|our)\b)[a-z]", rest[cm.end() :])
            ):
                continue  # "X, who voted no, said small firms ...": a clause follows the cue, not its speaker
            content = self._content(s, s + m.start())
            if content is None or text[s] in _OPEN:
                continue
            cue_s = s + rest_at + cm.start(cm.lastindex or 0)
            cue_e = s + rest_at + cm.end(cm.lastindex or 0)
            spk = self.speaker_in(s + rest_at, cue_s) if pre_words else self._post_speaker(cue_s, cue_e, e)
            return _Found("indirect", *content, pi, (cue_s, cue_e), spk)
        # "X mengatakan (kepada Y) bahwa ..." / "X said (on Monday) (that) ..."
        for vm in self.verb_re.finditer(sent):
            vs, ve = s + vm.start(), s + vm.end()
            if vm.start() == 0:
                continue
            after = self._after_verb(ve, e, vm.group())
            if after is None:
                continue
            content = self._content(after, e)
            if content is None:
                continue
            if self.lang == "en" and vm.group().endswith("ing") and text[s:vs].rstrip().endswith(","):
                # "Trump has praised Putin, saying ...": the main clause's subject speaks
                spk = self.sentence_subject(s, vs)
            else:
                spk = self.subject(s, vs)
            if spk is None:
                continue
            return _Found("indirect", *content, pi, (vs, ve), spk)
        return None

    def _ends_here(self, tail: str, max_words: int = 8) -> bool:
        """After a trailing attribution: the rest of the sentence is the speaker and a few words."""
        return len(tail.split()) <= max_words and not re.search(r"\b(bahwa|that)\b", tail)

    def _after_verb(self, ve: int, e: int, verb: str) -> int | None:
        """Where the reported clause starts after its verb, or None when nothing is reported."""
        text = self.text
        window = text[ve : min(e, ve + 140)]
        that = self.cues.THAT
        m = re.match(r"\s*(?:,\s*)?(" + "|".join(that) + r")\b", window)
        if m:
            return ve + m.end()
        hearer = verb.lower() in self.cues.HEARER or re.match(
            r"\s*(" + "|".join(self.cues.HEARER) + r")\b", window
        )
        m = re.search(r"\b(" + "|".join(that) + r")\b", window[:100])
        if hearer or (m and self._skippable(window[: m.start()])):
            if m and not re.search(r"[.;!?]", window[: m.start()]):
                return ve + m.end()
            if hearer:
                c = window.find(",")
                if verb.lower() not in self.cues.HEARER and 0 <= c < 80:
                    return ve + c + 1
                return None
        if re.match(r"\s*[:,]\s*\S", window):
            return ve + window.find(window.lstrip(" ,:")[:1]) if window.strip(" ,:") else None
        if re.match(r"\s*[.;!?\"“”]", window) or not window.strip():
            return None
        first = re.match(r"\s*(\w+)", window)
        if first and first.group(1).lower() in self.cues.SKIP_AFTER_VERB:
            return None
        if verb.lower() in self.cues.NEED_THAT:
            return None
        return ve

    def _skippable(self, between: str) -> bool:
        return len(between.split()) <= 6 and not re.search(r"[.;!?]", between)

    # ------------------------------------------------------------------ all

    def quotes(self) -> list[Quote]:
        direct = self.direct()
        taken = sorted((f.start, f.end) for f in direct)
        found = sorted(direct + self.indirect(taken), key=lambda f: f.start)
        out: list[Quote] = []
        last: _Spk | None = None
        last_at = -1
        for f in found:
            spk = f.spk or _Spk(anaphor=True)
            at = min(x for x in (f.start, f.cue[0] if f.cue else None, spk.start) if x is not None)
            if spk.anaphor:
                prev = self._antecedent(at, spk, last, last_at)
                spk = _Spk(prev.name if prev else None, prev.entity if prev else None, spk.start, spk.end)
            speaker = None
            if spk.name or spk.start is not None:
                s, e = spk.start, spk.end
                speaker = Speaker(
                    name=spk.name,
                    entity=spk.entity,
                    start=s,
                    end=e,
                    text=self.text[s:e] if s is not None and e is not None else None,
                )
            cue = Cue(text=self.text[f.cue[0] : f.cue[1]], start=f.cue[0], end=f.cue[1]) if f.cue else None
            out.append(
                Quote(
                    kind=f.kind,
                    text=self.text[f.start : f.end],
                    start=f.start,
                    end=f.end,  # type: ignore[arg-type]
                    speaker=speaker,
                    cue=cue,
                    paragraph=f.para,
                )
            )
            if speaker and speaker.name:
                last = _Spk(speaker.name, speaker.entity)
                last_at = at
        return out

    def _antecedent(self, at: int, spk: _Spk, last: _Spk | None, last_at: int) -> _Spk | None:
        """Who a pronoun or -nya speaker stands for: the previous quote's speaker, unless a person
        became the subject of a sentence after it (salience: the most recent named subject wins)."""
        personal = spk.start is not None and self.text[spk.start : spk.end].lower() in _PRONOUNS
        last_per = last is not None and last.entity is not None and self._type(last.entity) == "PER"
        if personal and last is not None and not last_per:
            # "ia"/"he" stands for a person: not for an organisation or an unnamed speaker
            subj = self._subject_person(at, -1)
            if subj is not None:
                return subj
            if spk.name:
                return _Spk(spk.name, spk.entity)
        subj = self._subject_person(at, last_at)
        if subj is not None:
            return subj
        if last is not None:
            return last
        if spk.name:  # the person the entities annotator tied the pronoun to
            return _Spk(spk.name, spk.entity)
        return self._last_person(at)

    def _type(self, entity_id: str) -> str | None:
        ent = self.by_id.get(entity_id)
        return ent.type if ent is not None else None

    def _subject_person(self, pos: int, after: int) -> _Spk | None:
        """The most recent person named as the subject of a sentence in text[after:pos]."""
        items = self.mentions.items
        i = bisect.bisect_left(self.mentions.starts, pos) - 1
        seen = 0
        while i >= 0 and seen < 40:
            s, e, ent = items[i]
            i -= 1
            if s < after or pos - s > 2000:
                break
            if ent.type != "PER" or self.text[s:e].lower() in _PRONOUNS:
                continue
            seen += 1
            if self._subject_like(s, e):
                return _Spk(ent.name, ent.id)
        return None

    def _subject_like(self, s: int, e: int) -> bool:
        """A name opening its sentence or clause (after a title or a fronted adverbial), or right
        before a speech verb."""
        back = self.text[max(0, s - 160) : s]
        k = max(back.rfind(". "), back.rfind("\n"), back.rfind("\u201c"), back.rfind('"'), back.rfind(", "))
        prefix = back[k + 1 :] if k >= 0 else back
        words = prefix.split()
        if all(w[:1].isupper() or w.lower() in _SUBJECT_GLUE for w in words):
            return True
        nxt = self.text[e : e + 60]
        return bool(self.verb_re.match(nxt.lstrip()) or self.after_re.match(nxt.lstrip()))

    def _last_person(self, pos: int) -> _Spk | None:
        items = self.mentions.items
        i = bisect.bisect_left(self.mentions.starts, pos) - 1
        while i >= 0:
            s, e, ent = items[i]
            if ent.type == "PER" and self.text[s:e].lower() not in _PRONOUNS:
                return _Spk(ent.name, ent.id)
            i -= 1
        return None


def find_quotes(text: str, body: list[Paragraph], entities: list[Entity], lang: str | None) -> list[Quote]:
    return _Finder(text, body, entities, lang).quotes()


class QuotesAnnotator:
    name = "quotes"
    version = "1"
    requires: tuple[str, ...] = ("body",)
    provides = ("quotes",)

    def find(self, document: Document) -> dict[str, Any]:
        body = document.fields.get("body") or []
        entities = document.fields.get("entities") or []
        return {"quotes": find_quotes(document.text, body, entities, document.lang)}
