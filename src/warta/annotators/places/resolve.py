"""Choosing the place a name refers to: candidates from the gazetteer, scored by priors and context.

A candidate's score adds up evidence that is printed in ``reasons``:

- prior: what kind of place it is (countries and regions before towns) and how many people live there;
- name: a match on an alternate name, or after taking off a prefix ('Bandara', 'Wilayah'), counts less;
- context: the article's other places: same country, same first-level region, nearness (within a few
  hundred km), and the dateline, which weighs double; Indonesian articles lean to Indonesian places.

Candidates within 50 km of each other agree on where the place is, so their weights are pooled; the
chosen place's ``score`` is its pooled share of all the weight (0-1). Below ``MIN_CONFIDENCE`` no geo is given.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from warta.annotators.places.gazetteer import Gazetteer, Place, gazetteer
from warta.annotators.places.handmade import DATELINE_ADMIN
from warta.annotators.places.names import DIRECTIONS, name_key, split_affixes

__all__ = ["Candidate", "PlaceContext", "Resolution", "candidates", "explain_place", "resolve"]

MIN_CONFIDENCE = 0.35
NULL_SCORE = 0.8  # the weight of "none of these": a lone small town far from the article's places is doubtful
LOCAL_RADIUS_KM = 300.0  # a facility's or a name part's place must be this near the article's places
TEMPERATURE = 0.15
SAME_PLACE_KM = 50.0

FEATURE_PRIOR = {
    "country": 0.7, "continent": 0.6, "region": 0.45, "admin region": 0.4, "capital": 0.6,
    "water body": 0.35, "island": 0.35, "landmark": 0.3, "mountain": 0.25, "regency": 0.2, "city": 0.1,
    "district": -0.05,
}
# which features a prefix or suffix kind prefers
KIND_FEATURES = {
    "admin": {"admin region", "regency", "region"}, "regency": {"regency"}, "city": {"city", "capital"},
    "district": {"district"}, "country": {"country"}, "island": {"island"}, "mountain": {"mountain"},
    "water": {"water body"},
}
_POINT_FEATURES = {"city", "capital", "district", "regency", "admin region", "landmark", "island", "mountain"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class PlaceContext:
    """What the rest of the article says about where it is."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: list[tuple[float, float, float]] = field(default_factory=list)  # lat, lon, weight
    lang: str | None = None
    admin_hint: tuple[str, str] | None = None  # (country, admin1) from a dateline qualifier ('N.Y.')

    def add(self, place: Place, weight: float = 1.0) -> None:
        if place.country:
            self.countries[place.country] += weight
        if place.admin1 and place.country and place.feature != "country":
            self.admin1[(place.country, place.admin1)] += weight
        if place.feature in _POINT_FEATURES:
            self.points.append((place.lat, place.lon, weight))

    @property
    def dominant_country(self) -> str | None:
        if not self.countries:
            return None
        (cc, n), total = self.countries.most_common(1)[0], sum(self.countries.values())
        return cc if n / total >= 0.5 else None


@dataclass
class Candidate:
    place: Place
    score: float
    reasons: list[str]
    via: str = "name"  # name | alternate name | prefix/suffix kind, e.g. "local:bandara"
    confidence: float = 0.0

    def as_dict(self) -> dict:
        p = self.place
        return {
            "name": p.name, "feature": p.feature, "country": p.country, "admin1": p.admin1,
            "lat": p.lat, "lon": p.lon, "population": p.population, "geonameid": p.geonameid,
            "via": self.via, "score": round(self.score, 3), "confidence": round(self.confidence, 3),
            "reasons": self.reasons,
        }


@dataclass
class Resolution:
    name: str
    chosen: Candidate | None
    candidates: list[Candidate]
    local: bool = False  # the name is a street, building or facility (its place is where it stands)

    @property
    def confident(self) -> bool:
        return self.chosen is not None and self.chosen.confidence >= MIN_CONFIDENCE


def _matches(g: Gazetteer, key: str) -> list[tuple[Place, bool]]:
    seen: dict[int, tuple[Place, bool]] = {}
    for place, alt in g.lookup(key):
        if place.index not in seen or (seen[place.index][1] and not alt):
            seen[place.index] = (place, alt)
    return list(seen.values())


def _raw_candidates(g: Gazetteer, name: str) -> tuple[list[tuple[Place, bool, str, float]], bool]:
    """(place, alternate?, via, name penalty) for a name; and whether it names a local facility."""
    key = name_key(name)
    out = [(p, alt, "name", 0.0) for p, alt in _matches(g, key)]
    local = False
    for kind, affix, rest in ([] if out else split_affixes(key)):
        if not rest or rest in DIRECTIONS:
            continue
        if kind == "local":
            local = True
        rest_keys = [rest]
        if kind == "admin":
            rest_keys = [f"{rest} oblast", f"{rest} region", f"{rest} province", rest]
        for rk in rest_keys:
            for p, alt in _matches(g, rk):
                wanted = KIND_FEATURES.get(kind)
                bonus = 0.25 if wanted and p.feature in wanted else 0.0
                out.append((p, alt, f"{kind}:{affix}", 0.15 - bonus))
        if out:
            break
    if not out:
        # a known place inside the name: 'Seuneubok Aceh', 'Jalan Raya Cikande-Rangkasbitung'
        words = key.split()
        for start, size in _subspans(len(words)):
            sub = " ".join(words[start:start + size])
            if sub in DIRECTIONS or len(sub) < 4 or sub in _SKIP_PARTS:
                continue
            found = [(p, alt, f"part:{sub}", 0.45) for p, alt in _matches(g, sub)
                     if (not alt and p.feature != "city") or p.population >= 15000]
            if found:
                out = found
                local = True
                break
    return out, local


_SKIP_PARTS = frozenset({"raya", "baru", "lama", "besar", "kecil", "jaya", "indah", "asri", "permai", "sari",
                         "international", "internasional", "national", "nasional", "new", "old", "saint",
                         "santo", "great", "little", "upper", "lower", "port", "fort", "mount", "lake"})


def _subspans(n: int) -> Iterable[tuple[int, int]]:
    for size in range(n - 1, 0, -1):
        # rightmost first: the place a facility stands in tends to come last ('Rutan Lhoksukon')
        for start in range(n - size, -1, -1):
            yield start, size


def candidates(name: str, context: PlaceContext | None = None, g: Gazetteer | None = None) -> list[Candidate]:
    """All candidates for ``name``, best first, with scores, reasons and confidences."""
    g = g or gazetteer()
    ctx = context or PlaceContext()
    raw, _ = _raw_candidates(g, name)
    return _score(raw, ctx)


def _score(raw: list[tuple[Place, bool, str, float]], ctx: PlaceContext) -> list[Candidate]:
    best: dict[int, Candidate] = {}
    dom = ctx.dominant_country
    total_country = sum(ctx.countries.values()) or 1.0
    for p, alt, via, penalty in raw:
        if (via.startswith(("local:", "part:"))) and p.feature not in ("country", "admin region"):
            if ctx.points and min(haversine_km(p.lat, p.lon, la, lo) for la, lo, _ in ctx.points) > LOCAL_RADIUS_KM:
                continue
            if not ctx.points and ctx.countries and p.country not in ctx.countries:
                continue
        reasons: list[str] = []
        prior = FEATURE_PRIOR.get(p.feature, 0.1) + math.log10(p.population + 10) / 5
        reasons.append(f"prior {p.feature}, population {p.population:,}: {prior:+.2f}")
        s = prior
        if alt:
            s -= 0.3
            reasons.append("alternate name: -0.30")
        if penalty:
            s -= penalty
            reasons.append(f"matched as {via}: {-penalty:+.2f}")
        if p.country and ctx.countries.get(p.country):
            share = ctx.countries[p.country] / total_country
            bonus = 0.4 + 0.4 * share + (0.2 if p.country == dom else 0.0)
            s += bonus
            reasons.append(f"country {p.country} in context ({share:.0%}): {bonus:+.2f}")
        if p.admin1 and p.country and ctx.admin1.get((p.country, p.admin1)) and p.feature != "country":
            s += 0.25
            reasons.append(f"region {p.admin1} in context: +0.25")
        if ctx.admin_hint and (p.country, p.admin1) == ctx.admin_hint:
            s += 1.0
            reasons.append(f"dateline names {p.admin1}: +1.00")
        if ctx.points and p.feature not in ("country", "continent"):
            near = 0.0
            dmin = math.inf
            for lat, lon, w in ctx.points:
                d = haversine_km(p.lat, p.lon, lat, lon)
                dmin = min(dmin, d)
                near = max(near, min(w, 1.5) * math.exp(-d / 250.0))
            if near > 0.02:
                bonus = 0.5 * near
                s += bonus
                reasons.append(f"{dmin:,.0f} km from another place in the article: {bonus:+.2f}")
        if ctx.lang == "id" and p.country == "ID" and p.feature != "country":
            s += 0.15
            reasons.append("Indonesian article, Indonesian place: +0.15")
        c = Candidate(p, s, reasons, "alternate name" if alt and via == "name" else via)
        if p.index not in best or best[p.index].score < s:
            best[p.index] = c
    ranked = sorted(best.values(), key=lambda c: -c.score)
    if not ranked:
        return ranked
    # pool the weight of candidates that agree on where the place is
    weights = [math.exp((c.score - ranked[0].score) / TEMPERATURE) for c in ranked]
    total = sum(weights) + math.exp((NULL_SCORE - ranked[0].score) / TEMPERATURE)
    pooled: list[float] = []
    for i, c in enumerate(ranked):
        pooled.append(sum(w for j, w in enumerate(weights) if _same_place(c.place, ranked[j].place)))
        c.confidence = pooled[-1] / total
        del i
    return _prefer_city(ranked)


def _prefer_city(ranked: list[Candidate]) -> list[Candidate]:
    """'New York', 'Tokyo', 'Yogyakarta': a big city named like the region it is in stands for the city."""
    top = ranked[0]
    if top.place.feature not in ("admin region", "regency"):
        return ranked
    for c in ranked[1:]:
        p = c.place
        if (p.feature in ("city", "capital") and p.country == top.place.country and p.population >= 300_000
                and (p.admin1 == top.place.admin1 or haversine_km(p.lat, p.lon, top.place.lat, top.place.lon) < 100)
                and c.score >= top.score - 1.0):
            c.reasons.append(f"the city named like its region ({top.place.name}) stands for it")
            c.confidence = max(c.confidence, top.confidence)
            ranked = [c] + [x for x in ranked if x is not c]
            break
    return ranked


def _same_place(a: Place, b: Place) -> bool:
    if a.index == b.index:
        return True
    if a.feature == "country" or b.feature == "country":
        return a.feature == b.feature and a.country == b.country
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def resolve(name: str, context: PlaceContext | None = None, g: Gazetteer | None = None) -> Resolution:
    g = g or gazetteer()
    raw, local = _raw_candidates(g, name)
    ranked = _score(raw, context or PlaceContext())
    return Resolution(name, ranked[0] if ranked else None, ranked, local)


def dateline_parts(place: str) -> tuple[str, list[str]]:
    """'HEMPSTEAD, N.Y.' -> ('HEMPSTEAD', ['N.Y.']); 'Mataram, NTB' -> ('Mataram', ['NTB'])."""
    parts = [p.strip() for p in place.split(",") if p.strip()]
    return (parts[0] if parts else place), parts[1:]


def context_from_names(names: Sequence[str], lang: str | None = None, g: Gazetteer | None = None) -> PlaceContext:
    """A context built from other place names: each resolved on its own, weighted by its confidence."""
    g = g or gazetteer()
    ctx = PlaceContext(lang=lang)
    for n in names:
        r = resolve(n, PlaceContext(lang=lang), g)
        if r.confident and r.chosen:
            ctx.add(r.chosen.place, r.chosen.confidence)
    return ctx


def qualifier_hint(qualifiers: Sequence[str], g: Gazetteer | None = None) -> tuple[tuple[str, str] | None, list[Place]]:
    """A dateline's qualifiers ('N.Y.', 'NTB', 'Lampung') as an admin-region hint and the places they name."""
    g = g or gazetteer()
    hint: tuple[str, str] | None = None
    places: list[Place] = []
    for q in qualifiers:
        if q in DATELINE_ADMIN:
            hint = DATELINE_ADMIN[q]
            continue
        r = resolve(q, None, g)
        if r.chosen and r.confident:
            places.append(r.chosen.place)
            if r.chosen.place.feature in ("admin region",) and r.chosen.place.admin1 and r.chosen.place.country:
                hint = (r.chosen.place.country, r.chosen.place.admin1)
    return hint, places


def explain_place(name: str, context: Sequence[str] | PlaceContext | None = None, *, lang: str | None = None,
                  limit: int = 10) -> list[dict]:
    """Candidates for ``name`` with scores, confidences and the reasons for them, best (the chosen one) first.

    ``context`` is either other place names from the article ('Tbilisi', 'Moskow, Rusia' dateline parts...)
    or a ready ``PlaceContext``. For ``warta analyze --explain``.
    """
    g = gazetteer()
    if context is None or isinstance(context, PlaceContext):
        ctx = context or PlaceContext(lang=lang)
    else:
        ctx = context_from_names(list(context), lang, g)
    r = resolve(name, ctx, g)
    out = [c.as_dict() for c in r.candidates[:limit]]
    if out:
        out[0]["chosen"] = r.confident
    return out
