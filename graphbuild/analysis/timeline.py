"""Relations over time: statements counted per article date, month or year."""
from __future__ import annotations

from collections import Counter

import networkx as nx

__all__ = ["PERIODS", "UNDATED", "timeline"]

#: Period names and how many characters of an ISO date they keep.
PERIODS: dict[str, int] = {"day": 10, "month": 7, "year": 4}
#: The period of statements whose article has no date.
UNDATED = "undated"


def timeline(MG: nx.MultiDiGraph, *, period: str = "month") -> list[dict]:
    """Count the statements behind the edges of ``MG`` per period, predicate and polarity.

    Each statement is counted once, by the date of the article it was read from;
    statements from undated articles fall in :data:`UNDATED`, sorted last. A
    statement behind several edges (lifted ones repeat it) counts once per layer.

    Examples
    --------
    >>> MG = nx.MultiDiGraph()
    >>> ev = [{"statement": "s1", "date": "2014-10-29"}, {"statement": "s2", "date": "2014-10-30"},
    ...       {"statement": "s3", "date": None}]
    >>> _ = MG.add_edge("a", "b", key="accuses", predicate="accuses", polarity="positive", evidence=ev)
    >>> timeline(MG)
    [{'period': '2014-10', 'predicate': 'accuses', 'polarity': 'positive', 'statements': 2},
     {'period': 'undated', 'predicate': 'accuses', 'polarity': 'positive', 'statements': 1}]
    >>> [row["period"] for row in timeline(MG, period="day")]
    ['2014-10-29', '2014-10-30', 'undated']
    """
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; use one of {list(PERIODS)}")
    width = PERIODS[period]
    counts: Counter = Counter()
    seen: set = set()
    for _u, _v, data in MG.edges(data=True):
        for item in data.get("evidence", []):
            ident = (item.get("statement"), data["predicate"], data.get("polarity", "positive"))
            if ident in seen:
                continue
            seen.add(ident)
            date = item.get("date")
            counts[(date[:width] if date else UNDATED, data["predicate"], data.get("polarity", "positive"))] += 1
    order = sorted(counts, key=lambda key: (key[0] == UNDATED, key))
    return [
        {"period": p, "predicate": pred, "polarity": pol, "statements": counts[(p, pred, pol)]}
        for p, pred, pol in order
    ]
