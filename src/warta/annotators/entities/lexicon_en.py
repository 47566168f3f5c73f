"""English words that tell what a capitalised name is: titles, organisation and place words."""

from __future__ import annotations

TITLES = frozenset(
    """
president vice minister prime secretary senator sen. rep. representative congressman congresswoman
governor gov.
mayor chairman chairwoman chair chief executive director commissioner ambassador spokesman spokeswoman
spokesperson general gen. lt. col. colonel major maj. capt. captain sgt. sergeant adm. admiral king queen
prince princess pope lord lady sir dame mr. mr mrs. mrs ms. ms dr. dr prof. professor judge justice attorney
deputy acting former leader head officer analyst economist candidate nominee sheikh rev. reverend
premier chancellor treasurer speaker minority majority whip member lawmaker councilman councilwoman
manager founder president-elect trustee
""".split()
)

TITLE_TAIL = frozenset(
    """
foreign finance defense defence interior state trade health education energy justice affairs economic
general executive operating financial officer of the house senate assistant deputy under press
""".split()
)

ORG_WORDS = frozenset(
    """
ministry department agency committee commission council party university college institute institution
association union federation bank court parliament congress senate army navy police corp corp. corporation
co co. inc inc. ltd ltd. llc plc company group holdings airlines airways news times post journal tribune
herald telegraph gazette tv radio network press reuters foundation board bureau office administration
authority
service services organization organisation fund trust exchange campaign coalition alliance league club
nations kremlin pentagon fbi cia nsa nato opec un eu who imf fed gop dnc rnc bbc cnn abc nbc cbs msnbc fox
ap afp upi breitbart politico huffpost commerce school hospital guards brigade convention cooperation
house oversight facebook google twitter microsoft apple amazon
""".split()
)

LOC_PREFIX = frozenset(
    """
mount lake river gulf bay cape port fort lake island islands
""".split()
)

LOC_SUFFIX = frozenset(
    """
street avenue road airport island islands river valley province county state city square station
canal lake center centre country stadium arena
""".split()
)

PLACES = frozenset(
    p.replace("_", " ")
    for p in """
United_States America Britain Great_Britain England Scotland Wales Ireland France Germany Italy Spain
Portugal Netherlands Belgium Switzerland Sweden Norway Finland Denmark Poland Austria Greece Turkey
Russia Ukraine China Japan Korea North_Korea South_Korea India Pakistan Iran Iraq Syria Israel Egypt
Saudi_Arabia Jordan Lebanon Libya Canada Mexico Brazil Argentina Chile Peru Colombia Venezuela Cuba
Australia New_Zealand Indonesia Malaysia Singapore Thailand Vietnam Philippines Taiwan Hong_Kong
Afghanistan Yemen Qatar Kuwait Nigeria Kenya South_Africa Europe Asia Africa Middle_East Latin_America
Washington New_York London Paris Berlin Moscow Tokyo Beijing Seoul Brussels Geneva Rome Madrid Amsterdam
Sydney Jakarta Cairo Tehran Baghdad Damascus Jerusalem California Texas Florida Ohio Iowa Michigan
Pennsylvania Virginia Georgia Arizona Nevada Colorado Wisconsin Minnesota Illinois Indiana Kentucky
Tennessee Alabama Mississippi Louisiana Carolina North_Carolina South_Carolina New_Hampshire New_Jersey
Massachusetts Connecticut Maryland Oregon Utah Kansas Nebraska Oklahoma Missouri Arkansas Montana Idaho
Wyoming Alaska Hawaii Maine Vermont Delaware Chicago Los_Angeles Boston Houston Dallas Miami Atlanta
Detroit Philadelphia Manhattan Brooklyn Bali Java Sumatra West_Germany East_Germany Soviet_Union Tokyo
Frankfurt Zurich Hamburg Bonn Dover Zeebrugge Bremerhaven
""".split()
)

ALIASES = {
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "UK": "Britain",
    "U.K.": "Britain",
    "Soviet": "Soviet Union",
    "USSR": "Soviet Union",
    "U.N.": "United Nations",
    "UN": "United Nations",
    "EU": "European Union",
    "GOP": "Republican Party",
}

LOC_ACRONYMS = frozenset("US U.S. USA UK U.K. UAE".split())

STOP = frozenset(
    """
the a an but and or as in on at it he she they we i you this that these those there here his her their our
its my your if when while after before since because although though however meanwhile also so yet still
then now today yesterday tomorrow according during under over about for from with without by to of into
not no yes some many most more all any each every other such what who whom which where why how mr mrs ms
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december read watch see photo video copyright source editing reporting writing
by one two three four five six seven eight nine ten first second last next new former earlier later
several few both either neither only even just said says asked told added
""".split()
)

PRONOUNS = frozenset({"he", "she"})

# nationality adjectives -> place ("the Russian leader"; "British government" names no entity)

# capitalised common words that are never part of a person's name (lower-cased)
NOT_PERSON = frozenset(
    """
good morning evening night free enterprise risk state budget debates history news breaking update live
brigade division regiment army navy force forces police party government city county report reports review
street avenue center centre house office tower bridge market markets bank stock stocks exchange fund
awards award ceremony premiere concert show tour festival season series league championship cup week
national federal international global world united republican democratic presidential
""".split()
)

DEMONYMS_LIST = """
american british english french german italian spanish russian chinese japanese korean indian pakistani
iranian iraqi syrian israeli palestinian egyptian saudi turkish kurdish afghan soviet ukrainian polish
dutch belgian swiss swedish norwegian danish finnish greek canadian mexican brazilian argentine
australian indonesian malaysian thai vietnamese filipino african european asian arab
western eastern northern southern
"""
DEMONYMS = frozenset(DEMONYMS_LIST.split())
# acronyms (lower-cased) that name no one: time zones, units and common nouns
NOT_NAME_ACRONYMS = frozenset("gmt utc est edt pst pdt cst cdt am pm gdp ceo cfo tv atm dna".split())

