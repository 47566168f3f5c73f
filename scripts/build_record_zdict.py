"""Write src/warta/store/record-1.zdict: the preset dictionary the store compresses records with.

Made once from warta's own example articles (src/warta/data/examples, written for warta): their texts,
then their analysed records as the store packs them (span texts left out), so the JSON keys and values
every record repeats are in the dictionary and a record of a few kilobytes need not spell them out again.
A packed record names its dictionary (zlib's dictionary id, the Adler-32 of the dictionary), so a store keeps
reading its records whatever dictionary later versions add: never overwrite a released dictionary; write a
new file (record-2.zdict) and register it in warta.store.rows.

    python scripts/build_record_zdict.py --out /tmp/record-2.zdict
"""

from __future__ import annotations

import argparse
import json
import zlib
from pathlib import Path

from warta.api import analyze_path
from warta.settings import Settings
from warta.store.rows import slim_record

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "warta" / "data" / "examples"
MAX = 32_000  # zlib's window is 32 KiB; the end of the dictionary (most reused) matters most


def build() -> bytes:
    files = sorted(EXAMPLES.glob("*.txt"))
    texts = "".join(p.read_text(encoding="utf-8") for p in files)
    records = []
    for path in files:
        for record in analyze_path(path, settings=Settings(use_models=False)):
            slim = slim_record(record.to_dict())
            slim.pop("text", None)
            records.append(json.dumps(slim, ensure_ascii=False, separators=(",", ":")))
    return (texts + "".join(records)).encode("utf-8")[-MAX:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    data = build()
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data)} bytes, dictionary id {zlib.adler32(data)}")


if __name__ == "__main__":
    main()
