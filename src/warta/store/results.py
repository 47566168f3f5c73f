"""Query results: lists of plain dicts that also turn into pandas DataFrames."""

from __future__ import annotations

from typing import Any


class Results(list[dict[str, Any]]):
    """A list of rows (dicts); ``to_pandas()`` for notebooks, ``total`` when the query counted matches."""

    total: int | None = None
    total_exact: bool = True  # False when ``total`` is an estimate (searches with very many matches)

    def to_pandas(self) -> Any:
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        return pd.DataFrame(list(self))
