"""News agencies and outlets that wire stories name: datelines, source lines, closing sign-offs."""

AGENCIES = (
    "ANTARA", "Antara", "ANTARA News", "Reuters", "AFP", "AP", "Associated Press", "Bloomberg", "Xinhua",
    "Kyodo", "Yonhap", "Sputnik", "TASS", "RIA Novosti", "Anadolu", "Bernama", "dpa", "DPA", "EFE", "ANSA",
    "UPI", "OANA", "BBC", "CNN", "Al Jazeera", "IRNA", "WAFA", "PTI", "IANS", "Jiji", "Kyodo News",
    "Agence France-Presse", "Press Trust of India", "Interfax", "Nikkei", "Vietnam News Agency", "PNA",
)

# outlets whose names are not domain-like but appear in datelines: "Jakarta, CNN Indonesia --"
OUTLETS = (
    "CNN Indonesia", "CNBC Indonesia", "detikNews", "detikcom", "detikFinance", "detikInet", "detikHealth",
    "detikSport", "detikOto", "detikTravel", "Kumparan", "kumparan", "Okezone", "Sindonews", "iNews",
    "Tribunnews", "Liputan6", "Suara", "Bisnis", "Kontan", "Republika", "Tempo", "Kompas", "Jawa Pos",
    "Media Indonesia", "The Jakarta Post", "Jakarta Globe", "Kompas TV", "Metro TV", "TVRI", "RRI",
)
