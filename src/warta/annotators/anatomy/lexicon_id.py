"""Indonesian words of article anatomy: credit labels, source cues, related-line cues, residue."""

# label (lower case) -> role
CREDIT_LABELS = {
    "pewarta": "reporter",
    "wartawan": "reporter",
    "reporter": "reporter",
    "penulis": "reporter",
    "koresponden": "reporter",
    "kontributor": "contributor",
    "penerjemah": "translator",
    "alih bahasa": "translator",
    "editor": "editor",
    "redaktur": "editor",
    "penyunting": "editor",
    "penyelaras": "editor",
    "fotografer": "photographer",
    "pewarta foto": "photographer",
    "videografer": "videographer",
    "produser": "producer",
}

# words that describe a contributor rather than name one: "Kontributor Lhokseumawe, Masriadi"
CREDIT_DESCRIPTORS = ("kontributor", "koresponden", "wartawan", "tim", "redaksi")

SOURCE_LABELS = ("sumber berita", "sumber")

# in-body attribution to another outlet: "Dilansir AFP", "dikutip dari Reuters", "melansir Bloomberg"
SOURCE_CUES = ("dilansir", "melansir", "dikutip", "mengutip", "disadur", "menyadur")
# lower-case words that may stand between the cue and the outlet's name
SOURCE_DESCRIPTORS = (
    "tayangan",
    "program",
    "kanal",
    "kantor berita",
    "harian",
    "surat kabar",
    "majalah",
    "stasiun televisi",
    "media",
    "laporan",
    "akun",
)

RELATED_CUES = (
    "baca juga",
    "baca pula",
    "simak juga",
    "lihat juga",
    "tonton juga",
    "saksikan juga",
    "berita terkait",
)

COPYRIGHT_WORDS = ("hak cipta dilindungi undang-undang", "hak cipta")

RESIDUE_LINES = (
    "scroll to continue with content",
    "advertisement",
    "iklan",
    "adv",
    "loading",
    "loading...",
    "bagikan",
    "share",
    "halaman selanjutnya",
    "berikutnya",
    "lanjutkan membaca",
)

CAPTION_MARKERS = ("foto:", "foto :", "(foto", "ilustrasi:", "sumber foto")

MONTHS = (
    "januari",
    "februari",
    "pebruari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "nopember",
    "desember",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "ags",
    "sep",
    "sept",
    "okt",
    "nov",
    "nop",
    "des",
)
