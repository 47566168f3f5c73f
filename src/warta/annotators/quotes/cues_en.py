"""English speech cues."""

from __future__ import annotations

AFTER = (
    "said says say told tells added adds according warned stated noted explained insisted continued "
    "wrote replied responded acknowledged argued claimed asked"
).split()

VERBS = (
    "said says say told tells telling added adds adding warned warns stated states noted notes "
    "noting claimed claims "
    "announced announces explained explains argued argues insisted insists reported reports acknowledged "
    "acknowledges admitted admits confirmed confirms declared declares predicted predicts suggested suggests "
    "replied responded wrote writes estimated estimates denied denies continued stressed emphasized "
    "emphasised "
    "urged cautioned maintained contended saying disclosed revealed"
).split()

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
    "emphasized emphasised noted notes explained explains".split()
)
