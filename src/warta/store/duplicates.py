"""Syndication and near-duplicate clusters over the store, from MinHash LSH bands."""

from __future__ import annotations

from typing import Any, Protocol

from warta.similarity import THRESHOLD, clusters, estimate
from warta.store.results import Results


class _PairSource(Protocol):
    def candidate_pairs(self) -> Any: ...

    def article_summaries(self, ids: Any) -> dict[str, dict[str, Any]]: ...


def find_duplicates(store: _PairSource, threshold: float = THRESHOLD) -> Results:
    """Clusters of copies of one story: members, their similarity to the earliest copy, and agency links."""
    pairs = []
    sims: dict[tuple[str, str], float] = {}
    for a, b, sa, sb in store.candidate_pairs():
        s = estimate(sa, sb)
        if s >= threshold:
            pairs.append((a, b))
            sims[(a, b)] = sims[(b, a)] = s
    groups = clusters(pairs)
    info = store.article_summaries([m for g in groups for m in g])
    out = Results()
    for n, members in enumerate(groups, start=1):
        rows = [info[m] for m in members if m in info]
        rows.sort(key=lambda r: (r["published"] or "9999", r["id"]))
        earliest = rows[0]["id"]
        agencies = {(r["agency"] or "").lower(): r["id"] for r in rows if r["agency"]}
        out.append(
            {
                "cluster": n,
                "size": len(rows),
                "earliest": earliest,
                "members": [
                    {
                        "id": r["id"],
                        "title": r["title"],
                        "published": r["published"],
                        "agency": r["agency"],
                        "similarity": 1.0
                        if r["id"] == earliest
                        else round(sims.get((earliest, r["id"]), threshold), 3),
                        # a copy credited to another agency links to that agency's own copy in the cluster
                        "credited_copy": next(
                            (
                                agencies[s.lower()]
                                for s in (r["credited"] or "").split("|")
                                if s and s.lower() in agencies and agencies[s.lower()] != r["id"]
                            ),
                            None,
                        ),
                    }
                    for r in rows
                ],
            }
        )
    return out
