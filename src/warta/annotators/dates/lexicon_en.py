"""English words for dates: months, weekdays, parts of the day, relative and future cues."""

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}
# abbreviations, read only next to a day number: "Sept. 26", "Nov. 8"
MONTH_ABBREVS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
UNITS: dict[str, str] = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
                         "months": "month", "year": "year", "years": "year"}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
SEASONS = ("spring", "summer", "fall", "autumn", "winter")
FUTURE_CUES = (
    "will", "'ll", "’ll", "shall", "scheduled", "is set to", "are set to", "plans to", "planned for",
    "expected to", "due to", "upcoming", "deadline", "by next",
)
TIME_ZONES: dict[str, str] = {
    "gmt": "+00:00", "utc": "+00:00", "bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "est": "-05:00",
    "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00",
    "pdt": "-07:00", "wib": "+07:00", "wita": "+08:00", "wit": "+09:00",
}
