"""Indonesian speech cues."""

from __future__ import annotations

# cues that follow the content: "..., kata Putin." / "...," ujarnya. (also with -nya)
AFTER = (
    "kata ujar ucap tutur ungkap jelas imbuh lanjut tambah sambung terang tegas papar beber pungkas "
    "tutup sebut "
    "tandas seru tanya timpal katanya ujarnya ucapnya tuturnya ungkapnya jelasnya imbuhnya "
    "lanjutnya tambahnya "
    "sambungnya terangnya tegasnya paparnya bebernya pungkasnya tutupnya sebutnya tandasnya bunyi dilaporkan "
    "menurut dikatakannya"
).split()

# verbs taking reported speech after the speaker: "Putin mengatakan bahwa ..."
VERBS = (
    "mengatakan menyatakan menyebut menyebutkan menegaskan menambahkan menjelaskan mengungkapkan menuturkan "
    "memastikan mengaku mengimbau mendesak membantah menggambarkan melaporkan memperingatkan menyampaikan "
    "mengklaim mengeklaim menekankan mengingatkan mengumumkan menerangkan memaparkan membeberkan melanjutkan "
    "mengemukakan menandaskan mengutarakan berkata bercerita menceritakan mengatakannya menuturkan "
    "mengonfirmasi menginformasikan memaparkan menyebutnya dikatakannya berharap"
).split()

# words after the verb that introduce the hearer, skipped up to "bahwa" or a comma
HEARER = ("kepada", "pada", "kpd")
THAT = ("bahwa",)
LEAD = ("menurut",)  # "Menurut X, ..."
DEMONSTRATIVES = ("itu", "tersebut", "ini")
# speaker phrases that stand for the previous speaker ("lanjut pernyataan tersebut")
STATEMENT = ("pernyataan", "keterangan", "rilis", "siaran")
SKIP_AFTER_VERB = ("pada", "dalam", "saat", "ketika", "usai", "di", "secara")
# verbs that take a noun phrase unless "bahwa" or a comma follows ("menyampaikan rasa terima kasih")
NEED_THAT = frozenset(
    "menyampaikan mengonfirmasi mengumumkan melaporkan menginformasikan menceritakan memaparkan membeberkan "
    "mengingatkan mengemukakan mengutarakan membantah".split()
)
# words opening a comma chunk that is an adverbial, not the subject ("saat dihubungi", "yang juga ...")
ADVERBIAL = frozenset(
    "saat ketika di pada dalam usai setelah sebelum seusai sesudah sejak selama kepada dari ke melalui "
    "yang dengan sambil seraya ditemui dihubungi dikonfirmasi menanggapi terkait soal mengenai untuk "
    "sebagaimana seperti kemarin dikutip dilansir mengutip dilaporkan".split()
)
# role nouns: "pejabat tersebut mengatakan" stands for a person already named
PERSON_ROLES = frozenset(
    "presiden menteri gubernur bupati wali walikota ketua kepala direktur pejabat pria wanita perempuan "
    "tersangka pelaku politikus politisi pengusaha artis penyanyi aktor aktris peneliti pakar ahli "
    "mantan pelatih kapolres kapolda kapolsek".split()
)
ADVERBIAL = ADVERBIAL | frozenset("namun sementara bahkan juga pun".split())
