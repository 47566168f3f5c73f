"""The places annotator: sets ``geo`` on LOC entities and on the dateline, when confident."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from warta.annotators.places.gazetteer import Place, gazetteer
from warta.annotators.places.handmade import DATELINE_ADMIN
from warta.annotators.places.resolve import (
    Candidate,
    PlaceContext,
    Resolution,
    dateline_parts,
    qualifier_hint,
    resolve,
)
from warta.document import Document
from warta.record import Dateline, Entity, Geo

__all__ = ["PlacesAnnotator", "geocode"]

LOC_TYPES = frozenset({"LOC", "GPE", "FAC", "PLACE", "LOCATION"})
APPROXIMATE_SCORE = 0.2


def _geo(c: Candidate, *, feature: str | None = None, score: float | None = None) -> Geo:
    p = c.place
    return Geo(lat=round(p.lat, 4), lon=round(p.lon, 4), country=p.country, admin1=p.admin1,
               geonameid=p.geonameid, feature=feature or p.feature,
               score=round(score if score is not None else c.confidence, 3))


def _names(e: Entity) -> list[str]:
    # a state as AP datelines abbreviate it ("Ore.", "N.Y.") stands for the state, wherever it is printed
    admin = DATELINE_ADMIN.get(e.name)
    out = [admin[1], e.name] if admin else [e.name]
    for m in e.mentions:
        if m.text not in out:
            out.append(m.text)
    for a in e.aliases:
        if a not in out:
            out.append(a)
    return out


def geocode(entities: Sequence[Entity], dateline: Dateline | None = None, *, lang: str | None = None,
            approximate: bool = True) -> tuple[list[Entity], Dateline | None]:
    """Entities with ``geo`` on the LOC ones warta is confident about, and the dateline with its geo.

    Two passes: each place is first resolved alone (priors only), then again with the article's other
    places as context (their countries, regions and coordinates, the dateline weighing double). With
    ``approximate``, a street, building or local place the gazetteer does not know (or a bare unknown name
    in an article about one country) gets the coordinates of the article's main place, marked
    ``feature='approximate'`` with a low score.
    """
    g = gazetteer()
    locs = [i for i, e in enumerate(entities) if e.type.upper() in LOC_TYPES]
    base = PlaceContext(lang=lang)

    # the dateline: its first part is the place, the rest qualifies it ('HEMPSTEAD, N.Y.', 'Mataram, NTB')
    dl_name: str | None = None
    dl_places: list[Place] = []
    if dateline is not None and dateline.place:
        dl_name, quals = dateline_parts(dateline.place)
        base.admin_hint, dl_places = qualifier_hint(quals, g)
        for p in dl_places:
            base.add(p, 1.0)

    # pass 1: alone
    first: dict[int, Resolution] = {}
    for i in locs:
        first[i] = _resolve_entity(entities[i], base)
    dl_first = resolve(dl_name, base, g) if dl_name else None

    def context_without(skip: int | None) -> PlaceContext:
        ctx = PlaceContext(lang=lang, admin_hint=None)
        for p in dl_places:
            ctx.add(p, 1.0)
        for j, r in first.items():
            if j != skip and r.confident and r.chosen and not r.local:
                w = r.chosen.confidence * (1.0 + 0.25 * min(3, len(entities[j].mentions) - 1 if entities[j].mentions
                                                              else 0))
                ctx.add(r.chosen.place, w)
        if dl_first is not None and dl_first.confident and dl_first.chosen:
            ctx.add(dl_first.chosen.place, 2.0 * dl_first.chosen.confidence)
        return ctx

    # pass 2: with the rest of the article as context
    second: dict[int, Resolution] = {}
    for i in locs:
        ctx = context_without(i)
        ctx.admin_hint = None
        second[i] = _resolve_entity(entities[i], ctx)
    dl_res: Resolution | None = None
    if dl_name:
        ctx = context_without(None)
        ctx.admin_hint = base.admin_hint
        # the dateline's own first pass shouldn't count twice for itself
        dl_res = resolve(dl_name, _without_dateline(ctx, dl_first), g)

    anchor = _anchor(dl_res, second, entities) if approximate else None
    body_ctx = PlaceContext()
    for r in second.values():
        if r.confident and r.chosen and not r.local:
            body_ctx.add(r.chosen.place, 1.0)
    dominant = body_ctx.dominant_country
    out: list[Entity] = list(entities)
    for i in locs:
        r = second[i]
        e = entities[i]
        geo: Geo | None = None
        if r.confident and r.chosen:
            geo = _geo(r.chosen, feature="facility" if r.local else None)
        elif anchor is not None and (r.local or (not r.candidates and dominant and anchor.place.country == dominant)):
            geo = _geo(anchor, feature="approximate", score=APPROXIMATE_SCORE)
        out[i] = e.model_copy(update={"geo": geo})
    new_dl = dateline
    if dateline is not None and dl_res is not None:
        geo = _geo(dl_res.chosen) if dl_res.confident and dl_res.chosen else None
        new_dl = dateline.model_copy(update={"geo": geo})
    return out, new_dl


def _without_dateline(ctx: PlaceContext, dl_first: Resolution | None) -> PlaceContext:
    if dl_first is None or not dl_first.confident or not dl_first.chosen:
        return ctx
    p = dl_first.chosen.place
    w = 2.0 * dl_first.chosen.confidence
    new = PlaceContext(countries=ctx.countries.copy(), admin1=ctx.admin1.copy(), points=list(ctx.points),
                       lang=ctx.lang, admin_hint=ctx.admin_hint)
    if p.country:
        new.countries[p.country] -= w
        if new.countries[p.country] <= 1e-9:
            del new.countries[p.country]
    if p.admin1 and p.country and (p.country, p.admin1) in new.admin1:
        new.admin1[(p.country, p.admin1)] -= w
        if new.admin1[(p.country, p.admin1)] <= 1e-9:
            del new.admin1[(p.country, p.admin1)]
    new.points = [pt for pt in new.points if not (pt[0] == p.lat and pt[1] == p.lon and pt[2] == w)]
    return new


def _resolve_entity(e: Entity, ctx: PlaceContext) -> Resolution:
    """The best resolution among the entity's name and its printed forms."""
    best: Resolution | None = None
    for n in _names(e):
        r = resolve(n, ctx)
        if best is None or (r.chosen and (best.chosen is None or _better(r, best))):
            best = r
        if best.confident and not best.local and n == e.name:
            break
    assert best is not None
    return best


def _better(a: Resolution, b: Resolution) -> bool:
    if a.confident != b.confident:
        return a.confident
    if a.local != b.local:
        return not a.local
    return bool(a.chosen and b.chosen and a.chosen.score > b.chosen.score)


_SPECIFIC = ("city", "capital", "district", "regency", "landmark")


def _anchor(dl: Resolution | None, res: dict[int, Resolution], entities: Sequence[Entity]) -> Candidate | None:
    """The article's main place: the dateline's, else the most mentioned specific place."""
    if dl is not None and dl.confident and dl.chosen and dl.chosen.place.feature not in ("country", "continent"):
        return dl.chosen
    best: tuple[int, float, Candidate] | None = None
    for i, r in res.items():
        if not (r.confident and r.chosen and not r.local and r.chosen.place.feature in _SPECIFIC):
            continue
        key = (max(1, len(entities[i].mentions)), r.chosen.confidence, r.chosen)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


class PlacesAnnotator:
    """Geocodes LOC entities and the dateline against the offline gazetteer."""

    name = "places"
    version = "0.1.0"
    requires: tuple[str, ...] = ("entities", "dateline")
    provides: tuple[str, ...] = ("entities", "dateline")

    def __init__(self, *, approximate: bool = True) -> None:
        self.approximate = approximate

    def find(self, document: Document) -> dict[str, Any]:
        entities: list[Entity] = list(document.get("entities") or [])
        dateline: Dateline | None = document.get("dateline")
        if not any(e.type.upper() in LOC_TYPES for e in entities) and (dateline is None or not dateline.place):
            return {"entities": entities, "dateline": dateline}
        out, dl = geocode(entities, dateline, lang=document.lang, approximate=self.approximate)
        return {"entities": out, "dateline": dl}
