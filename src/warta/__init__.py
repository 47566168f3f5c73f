"""warta: news articles into structured, verifiable records.

>>> import warta
>>> record = warta.analyze("JAKARTA (ANTARA) - Menteri itu mengatakan ...")
>>> record.dateline.agency
'ANTARA'
"""

from warta.api import analyze, analyze_path, analyze_paths, ingest, open
from warta.record import SCHEMA_VERSION, Record, json_schema
from warta.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Record",
    "Settings",
    "__version__",
    "analyze",
    "analyze_path",
    "analyze_paths",
    "ingest",
    "json_schema",
    "open",
]
