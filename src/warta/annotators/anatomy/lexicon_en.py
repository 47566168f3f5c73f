"""English words of article anatomy: credit labels, related-line cues, residue."""

CREDIT_LABELS = {
    "reporter": "reporter",
    "reporting": "reporter",
    "writer": "writer",
    "written by": "writer",
    "editor": "editor",
    "edited by": "editor",
    "translator": "translator",
    "translated by": "translator",
    "photographer": "photographer",
    "producer": "producer",
}

# "(Reporting by X in Y; Additional reporting by Z; Editing by W)"
BY_ROLES = {
    "reporting": "reporter",
    "additional reporting": "reporter",
    "writing": "writer",
    "editing": "editor",
    "compiled": "writer",
    "compiling": "writer",
    "translated": "translator",
    "translation": "translator",
    "photos": "photographer",
    "photo": "photographer",
    "graphics": "graphics",
    "production": "producer",
}

SOURCE_LABELS = ("sources", "source")

RELATED_CUES = ("read also", "also read", "read more", "see also", "related", "watch", "more on this")

COPYRIGHT_WORDS = ("all rights reserved", "copyright")

RESIDUE_LINES = (
    "advertisement",
    "continue reading",
    "story continues below",
    "sponsored",
    "share this article",
    "reuter",  # the 1980s Reuters wire sign-off
)

CAPTION_MARKERS = ("photo:", "photo credit:", "(photo", "image:", "file photo")

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
