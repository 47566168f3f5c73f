"""News-aware tokenizer rules for warta's pipelines.

The rules are applied to a spaCy tokenizer when the final pipeline is assembled; spaCy serialises
the resulting prefix/suffix/infix patterns, ``token_match`` and special cases with the pipeline, so
loading a shipped model needs none of this code.

What changes compared with spaCy's defaults (both languages unless stated):

* currency glued to a number is split off: ``Rp1,5`` -> ``Rp`` ``1,5``; ``US$1.2`` -> ``US$`` ``1.2``;
* day/month dates stay one token: ``(26/4)`` -> ``(`` ``26/4`` ``)``, also ``26/4/2021``;
* a plain hyphen between letters does not split (``Sputnik-OANA``, ``anak-anak``, ``ke-2``), as in
  UD Indonesian-GSD and English-EWT; dashes (``–``, ``—``, ``--``) between words still split;
* Indonesian abbreviations with a final period are single tokens (``Jl.``, ``No.``, ``Kab.``,
  ``PT.``, ``dr.``, ``H.``, ``S.H.`` ...), English adds ``No.``, ``Nos.``, ``Jl.``, ``Rp.`` and a few
  news titles;
* ``,-`` after an amount (``Rp10.000,-``) is one suffix token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Indonesian abbreviations frequent in news (address parts, titles, ranks, company forms, degrees).
ID_ABBREVIATIONS: dict[str, str] = {
    "Jl.": "jalan",
    "Jln.": "jalan",
    "Gg.": "gang",
    "No.": "nomor",
    "Kec.": "kecamatan",
    "Kel.": "kelurahan",
    "Kab.": "kabupaten",
    "Prov.": "provinsi",
    "Ds.": "desa",
    "Kp.": "kampung",
    "RT.": "rt",
    "RW.": "rw",
    "PT.": "pt",
    "CV.": "cv",
    "Tbk.": "tbk",
    "Persero.": "persero",
    "Rp.": "rp",
    "Dr.": "doktor",
    "dr.": "dokter",
    "Drs.": "drs",
    "Dra.": "dra",
    "Ir.": "insinyur",
    "Prof.": "profesor",
    "H.": "haji",
    "Hj.": "hajah",
    "KH.": "kiai haji",
    "Ust.": "ustaz",
    "Sdr.": "saudara",
    "Sdri.": "saudari",
    "Bpk.": "bapak",
    "Ny.": "nyonya",
    "Tn.": "tuan",
    "St.": "st",
    "Jend.": "jenderal",
    "Letjen.": "letjen",
    "Mayjen.": "mayjen",
    "Brigjen.": "brigjen",
    "Kol.": "kolonel",
    "Kapt.": "kapten",
    "Pol.": "polisi",
    "Ipda.": "ipda",
    "Aiptu.": "aiptu",
    "Telp.": "telepon",
    "Tel.": "telepon",
    "Hlm.": "halaman",
    "dll.": "dan lain-lain",
    "dsb.": "dan sebagainya",
    "dkk.": "dan kawan-kawan",
    "tsb.": "tersebut",
    "yth.": "yang terhormat",
    "Yth.": "yang terhormat",
    "a.n.": "atas nama",
    "u.p.": "untuk perhatian",
    "s.d.": "sampai dengan",
    "S.H.": "sarjana hukum",
    "S.E.": "sarjana ekonomi",
    "S.T.": "sarjana teknik",
    "S.Pd.": "sarjana pendidikan",
    "S.Sos.": "sarjana sosial",
    "S.Kom.": "sarjana komputer",
    "S.Ag.": "sarjana agama",
    "S.IP.": "sarjana ilmu politik",
    "M.H.": "magister hukum",
    "M.Si.": "magister sains",
    "M.M.": "magister manajemen",
    "M.Sc.": "master of science",
    "M.A.": "master of arts",
    "M.Pd.": "magister pendidikan",
    "Ph.D.": "phd",
}
# Tokens that must never be split or changed (kept as special cases so later rule changes cannot
# break them): "AS" (Amerika Serikat) is an ordinary token in both languages.
PROTECTED = ["AS", "KOMPAS.com", "Kompas.com", "detikcom", "Tribunnews.com", "CNNIndonesia.com"]

EN_ABBREVIATIONS: dict[str, str] = {
    "No.": "number",
    "Nos.": "numbers",
    "Jl.": "jalan",
    "Rp.": "rp",
    "Sen.": "senator",
    "Rep.": "representative",
    "Gen.": "general",
    "Lt.": "lieutenant",
    "Col.": "colonel",
    "Sgt.": "sergeant",
    "Capt.": "captain",
    "Adm.": "admiral",
    "Supt.": "superintendent",
    "Insp.": "inspector",
    "Det.": "detective",
    "Cpl.": "corporal",
    "Pvt.": "private",
    "Amb.": "ambassador",
    "Gov.": "governor",
}

CURRENCY_PREFIX = r"(?:Rp\.?|US\$|S\$|A\$|HK\$|NZ\$|RM|\$|€|£|¥)(?=[0-9])"
AMOUNT_SUFFIX = r"(?<=[0-9]),-"
DATE_MATCH = r"^(?:[0-3]?[0-9]/[01]?[0-9](?:/(?:[0-9]{2}|[0-9]{4}))?)$"
WORD_SLASH_INFIX = rf"(?<=[{ALPHA}])/(?=[{ALPHA}])"
WORD_DASH_INFIX = rf"(?<=[{ALPHA}0-9])(?:–|—|--)(?=[{ALPHA}0-9])"


def _special_cases(abbreviations: dict[str, str]) -> dict[str, list[dict[int, str]]]:
    cases: dict[str, list[dict[int, str]]] = {}
    for orth, norm in abbreviations.items():
        variants = {orth, orth.upper()}
        if orth[:1].islower():
            variants.add(orth[:1].upper() + orth[1:])
        # Multi-word expansions would be unseen NORM features for the models: keep the lower-cased form.
        feature = orth.lower() if " " in norm else norm
        for variant in variants:
            cases[variant] = [{ORTH: variant, NORM: feature}]
    for orth in PROTECTED:
        cases[orth] = [{ORTH: orth}]
    return cases


def _without_hyphen_infix(infixes: Iterable[str]) -> list[str]:
    """Drop the infix patterns that split on hyphens between letters; keep a dash rule instead."""
    kept = [p for p in infixes if HYPHENS not in p and "-(?=" not in p and r"[\/-]" not in p]
    return [*kept, WORD_SLASH_INFIX, WORD_DASH_INFIX]


def customize_tokenizer(nlp: Language) -> Language:
    """Apply warta's news rules to ``nlp.tokenizer`` in place (language taken from ``nlp.lang``)."""
    defaults = nlp.Defaults
    tokenizer = nlp.tokenizer
    prefixes = [CURRENCY_PREFIX, *(defaults.prefixes or [])]
    suffixes = [AMOUNT_SUFFIX, *(defaults.suffixes or [])]
    infixes = _without_hyphen_infix(defaults.infixes or [])
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    date_re = re.compile(DATE_MATCH)
    if defaults.token_match is not None:
        combined = re.compile(f"(?:{DATE_MATCH})|(?:{defaults.token_match.__self__.pattern})")
        tokenizer.token_match = combined.match
    else:
        tokenizer.token_match = date_re.match
    abbreviations = ID_ABBREVIATIONS if nlp.lang == "id" else EN_ABBREVIATIONS
    for orth, case in _special_cases(abbreviations).items():
        tokenizer.add_special_case(orth, case)
    return nlp
