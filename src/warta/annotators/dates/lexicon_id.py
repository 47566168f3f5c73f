"""Indonesian words for dates: months, weekdays, parts of the day, relative and future cues."""

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "febuari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12,
}
# abbreviations, read only next to a day number: "5 Jan 2025", "5 Agt."
MONTH_ABBREVS: dict[str, int] = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8,
    "agst": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12,
}
# Monday = 0, as in datetime.weekday()
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
}
PARTS_OF_DAY = ("dini hari", "pagi", "siang", "sore", "petang", "malam")
# unit words of relative expressions -> unit
UNITS: dict[str, str] = {"hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year"}
PAST = ("lalu", "yang lalu", "silam", "kemarin")
FUTURE = ("depan", "mendatang", "yang akan datang", "ke depan")
THIS = ("ini",)
NUMBER_WORDS: dict[str, int] = {
    "se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
}
# words that, earlier in the sentence, put a weekday in the future ("akan digelar Sabtu")
FUTURE_CUES = (
    "akan", "bakal", "dijadwalkan", "rencananya", "direncanakan", "berencana", "paling lambat", "batas waktu",
    "tenggat", "nanti", "mendatang",
)
# words before a bare "26/4" that make it a date
NUMERIC_CUES = ("pada", "tanggal", "tgl", "sejak", "hingga", "sampai", "mulai", "per", "sabtu", "minggu")
RANGE_WORDS = ("sampai dengan", "s.d.", "s/d", "hingga", "sampai")
TIME_ZONES: dict[str, str] = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}
