"""English speech cues."""

from __future__ import annotations

AFTER = [
    *(
        "said says say told tells added adds according warned stated noted explained insisted continued "
        "wrote replied responded acknowledged argued claimed asked insisted"
    ).split(),
    "went on",
    "pointed out",
]

VERBS = [
    *(
        "said says say told tells telling added adds adding warned warns stated states noted notes "
        "noting claimed claims "
        "announced announces explained explains argued argues insisted insists reported reports acknowledged "
        "acknowledges admitted admits confirmed confirms declared declares predicted predicts suggested suggests "
        "replied responded wrote writes estimated estimates denied denies continued stressed emphasized "
        "emphasised "
        "urged cautioned maintained contended saying disclosed revealed hailed denounced predicted suggested "
        "conceded recalled"
    ).split(),
    "pointed out",
]

HEARER = ("told", "tells", "telling")
THAT = ("that",)
LEAD = ("according to",)
DEMONSTRATIVES = ("the",)
STATEMENT = ("statement", "report", "release")
SKIP_AFTER_VERB = ("on", "in", "last", "this", "yesterday", "today", "late", "earlier", "at", "during")
# verbs that take a noun phrase unless "that" or a comma follows ("announced a plan")
NEED_THAT = frozenset(
    "announced announces confirmed confirms reported reports denied denies disclosed revealed acknowledged "
    "acknowledges admitted admits predicted predicts estimated estimates wrote writes continued "
    "urged stressed "
    "emphasized emphasised noted notes explained explains hailed denounced recalled".split()
)
# words opening a comma chunk that is an adverbial, not the subject ("in a statement", "who spoke ...")
ADVERBIAL = frozenset(
    "in on at during when while after before since as who which whose speaking addressing asked "
    "writing from to with without for by through via quoted citing".split()
)
# role nouns: "the candidate said" stands for a person already named
PERSON_ROLES = frozenset(
    "candidate nominee president businessman businesswoman leader minister senator governor mayor chairman "
    "chairwoman secretary director executive actor actress singer star billionaire founder congressman "
    "congresswoman lawmaker premier chancellor king queen prince".split()
)
ADVERBIAL = ADVERBIAL | frozenset("however meanwhile though also too nevertheless moreover".split())
