"""Finding names in a stretch of text: capitalised runs, split into title and name, given a type.

Rule-based, used when no trained model is at hand (and for titles when one is). A *run* is a sequence
of capitalised words (with a few lower-case connectors such as "of" or "bin") on one paragraph; the
run is cut into an optional title ("Presiden Rusia", "Kapolsek Denpasar Barat Kompol") and a name,
and the name is typed PER, ORG or LOC from lexicons and context, or left untyped ("").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import ModuleType

from warta.annotators.entities import lexicon_en, lexicon_id

_WORD = re.compile(r"\w+(?:[.'’\-&]\w+)*", re.UNICODE)
_ABBREV = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm rev st jr sr inc co corp ltd jl kab "
    "prov sdr h hj".split()
)
# words that head an organisation's own name: a name after them is the organisation's, not a person's
_ORG_HEADS = frozenset(
    "pt cv tbk persero perum universitas institut bank partai yayasan sekolah koperasi grup group klub "
    "club kantor rumah museum hotel".split()
)
_CONNECT = frozenset("of for the de van von bin binti al el da dos del la le du y and".split())
_CONNECT_ID = frozenset("bin binti al el van de".split())
_SENT_END = ".!?:;\"“”«»'‘’(—-|•"
# "<name> (37) alias <nickname>" / "<name>, a.k.a. <nickname>": one or two capitalised words
_NICKNAME = re.compile(
    r"[ \t]*(?:\(\d{1,3}\)[ \t]*)?,?[ \t]*(?:alias|a\.k\.a\.?|aka)[ \t]+([A-Z][\w'\-]*(?:[ \t][A-Z][\w'\-]*)?)"
)
_DIRECTIONS = frozenset("barat timur utara selatan tengah tenggara laut daya raya".split())
_ORG_CONTEXT = frozenset(
    "anggota pihak juru bicara jubir member spokesman spokeswoman spokesperson of at".split()
)
_LOC_CONTEXT = frozenset("di ke dari in at near from to into across".split())
_LOC_CONTEXT_ID = frozenset("di ke dari".split())
_LOC_CONTEXT_EN = frozenset("in at near into across".split())
_DEMONSTRATIVE = frozenset("itu tersebut ini".split())
# runs opening (or, in English, ending) with these name laws, events and programmes: not entities
_NOT_NAMES = frozenset(
    "perjanjian undang-undang uu peraturan perpres perppu permen operasi program festival piala "
    "liga olimpiade "
    "konferensi kongres pemilu pilkada pilpres hari tim tempat kejadian perkara".split()
)
_NOT_NAMES_END = frozenset("act treaty agreement day cup games festival conference summit law bill".split())


# Indonesian derived nouns (pe-/per-/ke- ... -an: "Penindakan", "Keuangan") and loan nouns
# stop words that also open place names when another capitalised word follows
_NAME_OPENERS = frozenset({"new"})
# English facility words that name places in any language's news ("Staples Center", "Wembley Stadium")
_FACILITY_SUFFIXES = frozenset({"center", "centre", "stadium", "arena", "square", "airport"})
_PLACE_PREFIXES = lexicon_id.LOC_PREFIX | lexicon_en.LOC_PREFIX
# administrative kinds that begin a new place inside a run of capitalised words
_ADMIN_PREFIXES = frozenset({"kota", "kabupaten", "provinsi", "kecamatan", "kelurahan", "desa"})
# ("Reformasi", "Eksekusi", "Birokrasi"): common words, never part of a person's name
_ID_COMMON = re.compile(r"^(?:(?:pe[nmr]?|peng|peny|ke|per)[a-z]{3,}an|[a-z]{3,}(?:asi|usi|isme|itas|ologi))$")
# English nouns and adjectives by their endings ("Management", "Disclosure", "Presidential")
_EN_COMMON = re.compile(r"^[a-z]{3,}(?:ment|ments|tion|tions|sion|ness|ship|ism|ity|ities|ure|ial|ional|ical|ive)$")


def lexicon(lang: str | None) -> ModuleType:
    return lexicon_en if lang == "en" else lexicon_id


@dataclass
class Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@dataclass
class NameMention:
    """A name found in the text: [start, end) covers title and name; the name part is name_start.."""

    start: int
    end: int
    text: str
    name: str
    name_start: int
    name_end: int
    type: str = ""
    title: str | None = None
    origin: str = "rule"
    role_only: bool = False  # "Presiden Rusia itu": a title standing for a person
    alias_of: str | None = None  # a parenthesised short form: alias of the name before it
    extra: dict[str, str] = field(default_factory=dict)


def tokens(text: str, start: int, end: int) -> list[Token]:
    out: list[Token] = []
    for m in _WORD.finditer(text, start, end):
        s, e = m.start(), m.end()
        word = m.group()
        if (
            e < end
            and text[e] == "."
            and (
                word.lower() in _ABBREV
                or (len(word) == 1 and word.isupper())
                or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word)
            )
        ):
            e += 1
        if word.endswith(("'s", "’s")) and len(word) > 2:
            e -= 2
        parts = word.split("-")
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            pos = s
            for p in parts:
                out.append(Token(pos, pos + len(p), p))
                pos += len(p) + 1
            continue
        out.append(Token(s, e, text[s:e]))
    return out


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 3 and gap.strip() == "" and gap.count("\n") <= 1


def _sentence_initial(text: str, tok: Token, region_start: int) -> bool:
    i = tok.start - 1
    while i >= region_start and text[i] in " \t\r\n\u00a0":
        i -= 1
    return i < region_start or text[i] in _SENT_END


def _match_place(words: list[str], places: frozenset[str], i: int) -> int:
    """Length (in words) of the longest known place starting at words[i], 0 if none."""
    for n in (4, 3, 2, 1):
        if i + n <= len(words) and " ".join(words[i : i + n]) in places:
            return n
    return 0


class NameFinder:
    """Finds names in regions of one article."""

    def __init__(self, text: str, lang: str | None, lower_vocab: set[str]) -> None:
        self.text = text
        self.lang = lang
        self.lex = lexicon(lang)
        self.other = lexicon_id if self.lex is lexicon_en else lexicon_en
        self.lower_vocab = lower_vocab
        self.places = self.lex.PLACES | self.other.PLACES
        self.titles = self.lex.TITLES
        self.title_tail = self.lex.TITLE_TAIL
        self.org_words = self.lex.ORG_WORDS | self.other.ORG_WORDS
        self.stop = self.lex.STOP

    # ------------------------------------------------------------------ runs

    def runs(self, start: int, end: int) -> list[list[Token]]:
        toks = tokens(self.text, start, end)
        connect = _CONNECT if self.lang == "en" else _CONNECT_ID
        out: list[list[Token]] = []
        cur: list[Token] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.cap and not t.text[0].isdigit():
                if cur and not _gap_ok(self.text, cur[-1], t):
                    out.append(cur)
                    cur = []
                cur.append(t)
            elif (
                cur
                and t.low in connect
                and i + 1 < len(toks)
                and toks[i + 1].cap
                and _gap_ok(self.text, cur[-1], t)
                and _gap_ok(self.text, t, toks[i + 1])
                and not (t.low == "and" and self.lang == "en")
            ) or (t.text.startswith(("al-", "el-")) and cur):
                cur.append(t)
            else:
                if cur:
                    out.append(cur)
                cur = []
            i += 1
        if cur:
            out.append(cur)
        return out

    def _split_stops(self, run: list[Token], region_start: int) -> list[list[Token]]:
        """Cut a run at words that name nothing (sentence openers, days, months)."""
        pieces: list[list[Token]] = []
        cur: list[Token] = []
        for i, t in enumerate(run):
            low = t.low
            stop = low in self.stop and not t.upper
            if t.upper and (low in self.lex.NOT_NAME_ACRONYMS or (low in self.titles and len(run) == 1)):
                stop = True  # "pukul 10.00 WIB", "(AKBP)": a time zone, a rank standing alone
            if stop and low in _NAME_OPENERS and i + 1 < len(run):
                stop = False  # "New York", "New Delhi": a stop word that opens a name
            if stop and cur and cur[0].low in _PLACE_PREFIXES and i + 1 < len(run) and run[i + 1].cap:
                stop = False  # "Gunung Baru Jari": inside a place named by its kind, a common word is a name
            if not stop and cur and i + 1 < len(run) and low in _ADMIN_PREFIXES and t.cap:
                pieces.append(cur)  # "Puskesmas Cempaka Kota Banjarmasin": "Kota" opens a second place
                cur = []
            parts = low.split("-")
            if len(parts) == 2 and parts[0] == parts[1]:  # "Teman-teman": a plural, not a name
                stop = True
            if (
                not stop
                and not cur
                and low not in self.titles
                and low not in self.org_words
                and _sentence_initial(self.text, t, region_start)
                and low in self.lower_vocab
                and not self._is_place_start(run, t)
            ):
                stop = True
            if stop:
                if cur:
                    pieces.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            pieces.append(cur)
        # connectors may not start or end a piece
        out = []
        for p in pieces:
            while p and not p[0].cap:
                p = p[1:]
            while p and not p[-1].cap:
                p = p[:-1]
            if p:
                out.append(p)
        return out

    def _is_place_start(self, run: list[Token], t: Token) -> bool:
        i = run.index(t)
        return _match_place([x.text for x in run], self.places, i) > 0

    # ------------------------------------------------------------------ analysis of one run

    def mentions(self, start: int, end: int) -> list[NameMention]:
        out: list[NameMention] = []
        for run in self.runs(start, end):
            for piece in self._split_stops(run, start):
                out.extend(self._analyse(piece, start))
        return out

    def _mk(self, toks: list[Token], type_: str, title_toks: list[Token] | None = None) -> NameMention:
        s = (title_toks or toks)[0].start
        e = toks[-1].end
        name = self.text[toks[0].start : toks[-1].end]
        name = " ".join(name.split())
        title = None
        if title_toks:
            title = " ".join(self.text[title_toks[0].start : title_toks[-1].end].split())
        return NameMention(s, e, self.text[s:e], name, toks[0].start, toks[-1].end, type_, title)

    def _prev_word(self, pos: int) -> str:
        m = re.search(r"(\w+)\W*$", self.text[max(0, pos - 40) : pos])
        return m.group(1).lower() if m else ""

    def _next_word(self, pos: int) -> str:
        m = re.match(r"\W*?(\w+)", self.text[pos : pos + 40])
        return m.group(1).lower() if m else ""

    def _title_split(self, piece: list[Token]) -> tuple[list[Token], list[Token], list[list[Token]]]:
        """(title tokens, name tokens, complements inside the title such as 'Rusia' or 'Denpasar Barat')."""
        last_title = -1
        for i, t in enumerate(piece):
            if t.low in self.titles or t.text.lower() in self.titles:
                # a title word needs a name or a complement after it
                last_title = i
        if last_title < 0:
            return [], piece, []
        j = last_title + 1
        words = [t.text for t in piece]
        while j < len(piece):
            if piece[j].low in self.title_tail:
                j += 1
                continue
            n = _match_place(words, self.places, j)
            if (n and j + n < len(piece)) or (n and self._next_word(piece[-1].end) in _DEMONSTRATIVE):
                j += n
                while j < len(piece) - 1 and piece[j].low in _DIRECTIONS:
                    j += 1
                continue
            break
        title, name = piece[:j], piece[j:]
        # complements: runs of non-title words inside the title
        comps: list[list[Token]] = []
        cur: list[Token] = []
        for t in title:
            if t.low in self.titles or t.low in self.title_tail or not t.cap:
                if cur:
                    comps.append(cur)
                cur = []
            else:
                cur.append(t)
        if cur:
            comps.append(cur)
        # a name part that opens with an organisation ("Universitas Udayana Ni Nyoman ...")
        if len(name) >= 4 and name[0].low in self.org_words:
            comps.append(name[:2])
            title = title + name[:2]
            name = name[2:]
        return title, name, comps

    def common_word(self, t: Token) -> bool:
        """A capitalised word that cannot be part of a person's name (in this language)."""
        low = t.low
        if low in self.lex.NOT_PERSON or low in self.other.NOT_PERSON:
            return True
        if self.lang == "en":
            return bool(_EN_COMMON.match(low)) or low in lexicon_en.DEMONYMS
        return len(low) >= 7 and bool(_ID_COMMON.match(low))

    def _name_like(self, t: Token) -> bool:
        """A word that may be part of a person's name: capitalised, not an acronym nor a known word."""
        low = t.low
        return (
            t.cap
            and not t.upper
            and not self.common_word(t)
            and low not in self.titles
            and low not in self.title_tail
            and low not in self.org_words
            and low not in self.stop
            and low not in lexicon_id.LOC_PREFIX
            and low not in lexicon_en.LOC_PREFIX
            and t.text not in self.places
            and low not in self.lower_vocab
        )

    def _person_after(self, piece: list[Token], start: int) -> int:
        """Index in piece where a person's name starts after an office or unit ("Eksekusi KPK Asep
        Guntur Rahayu", "Pasar Keuangan Ariston Tjendra"), or -1: the word before it must be an
        acronym, a common word or a title word, and two or more name-like words must follow."""
        for k in range(len(piece) - 3, start - 1, -1):
            t = piece[k]
            if t.low in _ORG_HEADS or t.low in lexicon_id.LOC_PREFIX:
                return -1  # "PT Dosni Roha", "Kecamatan Paya Bakong": the name of the firm or place
            marker = (t.upper and 2 <= len(t.text) <= 8) or t.low in self.titles or self.common_word(t)
            if not marker:
                continue
            head = piece[start:k]
            if (
                not t.upper
                and t.low not in self.titles
                and any(x.low in self.org_words for x in head)
                and not any(x.low in self.titles for x in head)
            ):
                return -1  # "Institut Ilmu Pengetahuan Alam ...": one organisation's name
            rest = piece[k + 1 :]
            if 2 <= len(rest) <= 4 and all(self._name_like(x) for x in rest):
                return k + 1
            return -1
        return -1

    def _type_of(self, toks: list[Token], context_prev: str) -> str:
        words = [t.text for t in toks]
        lows = [t.low for t in toks]
        joined = " ".join(words)
        lex = self.lex
        if joined in lex.ALIASES or joined in self.other.ALIASES:
            target = lex.ALIASES.get(joined) or self.other.ALIASES.get(joined, "")
            return "LOC" if target in self.places or joined in lex.LOC_ACRONYMS else "ORG"
        if joined in lex.LOC_ACRONYMS or joined in self.other.LOC_ACRONYMS:
            return "LOC"
        if any(w in self.org_words for w in lows) or any(w.lower() in self.org_words for w in words):
            # "Kantor Berita", "Bank Indonesia": an organisation word wins over a place inside
            if lows[0] in lexicon_id.LOC_PREFIX and lows[0] not in self.org_words:
                return "LOC"
            return "ORG"
        if lows[0] in lexicon_id.LOC_PREFIX or (lows[0] in lexicon_en.LOC_PREFIX and len(toks) > 1):
            return "LOC"
        facility = lows[-1] in _FACILITY_SUFFIXES
        if len(toks) > 1 and lows[-1] in lexicon_en.LOC_SUFFIX and (self.lang == "en" or facility):
            return "LOC"
        n = _match_place(words, self.places, 0)
        if n == len(words) or (n and all(w in _DIRECTIONS for w in lows[n:])):
            return "LOC"
        if self.lang != "en" and len(toks) > 1 and words[0] == "The":
            return "ORG"
        if len(toks) == 1 and toks[0].upper and 2 <= len(toks[0].text) <= 6:
            return "ORG"
        if (
            self.lang == "en"
            and context_prev in lexicon_en.TITLES
            and 2 <= len(toks) <= 3
            and all(t.cap and not t.upper and not self.common_word(t) for t in toks)
            and toks[-1].text not in self.places
        ):
            return "PER"  # "spokeswoman Jane Doe": a lower-case title before a name
        if (
            context_prev in _ORG_CONTEXT
            and len(toks) > 1
            and not (self.lang == "en" and context_prev in ("of", "at"))
        ):
            return "ORG"
        loc_ctx = _LOC_CONTEXT_EN if self.lang == "en" else _LOC_CONTEXT_ID
        if context_prev in loc_ctx:
            return "LOC"
        if 2 <= len(toks) <= 5 and all(t.cap and not t.upper for t in toks if t.cap):
            if any(self.common_word(t) for t in toks) or toks[-1].text in self.places:
                return ""  # "Risk Management", "Peninjauan Kembali", "Good Morning America"
            return "PER"
        return ""

    def _known_place(self, start: int, end: int) -> bool:
        """text[start:end] is one place of the lexicon or of the places gazetteer."""
        words = self.text[start:end].split()
        if _match_place(words, self.places, 0) == len(words):
            return True
        from warta.annotators.places import find_place_mentions  # the places annotator imports this module

        return any(s == start and e == end for s, e, _ in find_place_mentions(self.text, start, end))

    def _analyse(self, piece: list[Token], region_start: int) -> list[NameMention]:
        out: list[NameMention] = []
        if piece[0].low in _NOT_NAMES or piece[-1].low in _NOT_NAMES_END:
            return out
        if self.lang != "en" and len(piece) >= 3:
            k = self._person_after(piece, 0)
            if k == 1 and piece[0].low in self.org_words and self._known_place(piece[1].start, piece[-1].end):
                k = 0  # "KBRI Phnom Penh", "Polres Serang": an office and its city, not a person
            if k > 0 and not (k == 1 and piece[0].low in self.org_words and not piece[0].upper):
                head, person = piece[:k], piece[k:]
                for hm in self._analyse(head, region_start):
                    # the office's own names ("KPK"), not its common words ("Pasar Keuangan")
                    htoks = [t for t in head if hm.name_start <= t.start < hm.name_end]
                    if not hm.role_only and hm.type and not any(self.common_word(t) for t in htoks):
                        out.append(hm)
                unit = piece[k - 1]
                if unit.upper and not any(m.name_start <= unit.start < m.name_end for m in out):
                    out.append(self._mk([unit], self._type_of([unit], "") or "ORG"))  # "KPK"
                title_toks = head if any(t.low in self.titles or self.common_word(t) for t in head) else None
                out.append(self._mk(person, "PER", title_toks))
                return out
        title, name, comps = self._title_split(piece)
        for comp in comps:
            ctype = self._type_of(comp, "")
            if ctype in ("LOC", "ORG"):
                out.append(self._mk(comp, ctype))
        if title and not name:
            # a role standing for a person: "Presiden Rusia itu", or just a title word
            nxt = self._next_word(title[-1].end)
            if nxt in _DEMONSTRATIVE and any(t.low in self.titles for t in title):
                m = self._mk(title, "PER", title)
                m.role_only = True
                m.name = m.title or m.name
                out.append(m)
            return out
        if not name:
            return out
        prev = self._prev_word(name[0].start) if not title else ""
        if title and any(t.low in self.titles for t in title):
            type_ = "PER"
            n = _match_place([t.text for t in name], self.places, 0)
            if n == len(name):  # "Jenderal Rusia": a title and a place, no person named
                out.append(self._mk(name, "LOC"))
                return out
            # "Presiden Rusia" then a single unknown word, or a title before an organisation name
            t2 = self._type_of(name, "")
            if (
                t2 in ("ORG", "LOC")
                and len(name) >= 1
                and name[0].low in self.org_words | lexicon_id.LOC_PREFIX
            ):
                type_ = t2
                out.append(self._mk(name, type_))
                return out
            out.append(self._mk(name, type_, title))
            return out
        type_ = self._type_of(name, prev)
        out.append(self._mk(name, type_))
        # "Kantor Berita Pusat Korea (KCNA)": the acronym in parentheses is an alias
        m = re.match(
            r"\s*\(\s*([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?)\s*\)", self.text[name[-1].end : name[-1].end + 40]
        )
        if m and len(name) >= 2 and m.group(1).lower() not in _DIRECTIONS and m.group(1) not in self.places:
            s = name[-1].end + m.start(1)
            e = name[-1].end + m.end(1)
            alias = NameMention(s, e, self.text[s:e], self.text[s:e], s, e, type_)
            alias.alias_of = out[-1].name
            out.append(alias)
        # "Faisal (37) alias Komeng", "Abu Bakar alias Abu": the nickname is the same person
        m = _NICKNAME.match(self.text, name[-1].end)
        if m and type_ in ("PER", ""):
            s, e = m.start(1), m.end(1)
            alias = NameMention(s, e, self.text[s:e], self.text[s:e], s, e, "PER")
            alias.alias_of = out[-1].name
            out.append(alias)
        return out

    def analyse_span(self, start: int, end: int, region_start: int) -> list[NameMention]:
        """Title and name inside a span another finder (a model) marked as a name."""
        toks = [t for t in tokens(self.text, start, end) if t.cap or t.low in _CONNECT]
        while toks and not toks[0].cap:
            toks = toks[1:]
        if not toks:
            return []
        return self._analyse(toks, region_start)
