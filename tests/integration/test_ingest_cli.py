"""`warta ingest` as a user runs it: a real kill -9 mid-run, then resume; the store commands. Both backends:
a SQLite file and a PostgreSQL server (see tests/unit/store/test_store.py for how the server is found)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from warta.cli import cli

from ..conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def _count(db: str | Path) -> int:
    if str(db).startswith("postgresql://"):
        import psycopg

        try:
            with psycopg.connect(str(db), connect_timeout=5) as con:
                row = con.execute("SELECT count(*) FROM articles").fetchone()
                return int(row[0]) if row else 0
        except psycopg.Error:  # the table is not made yet
            return 0
    db = Path(db)
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(db, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _wait_for_other_sessions_to_end(url: str, timeout: float = 30) -> None:
    """The killed ingest's server session is gone (its open transaction rolled back, its locks released)."""
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as con:
        while time.monotonic() < deadline:
            row = con.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchone()
            if row and row[0] == 0:
                return
            time.sleep(0.05)
    raise AssertionError("the killed ingest's PostgreSQL session did not end")


def test_kill_9_then_resume_stores_every_article_once(tmp_path: Path, new_db: Callable[[str], str | Path]) -> None:
    n = 1500
    src = tmp_path / "gen.jsonl"
    src.write_text("".join(json.dumps({"id": f"g{i}", "text": t}) + "\n" for i, t in enumerate(generate(n))))
    db = new_db("w")
    cmd = [sys.executable, "-m", "warta", "ingest", "--db", str(db), "--no-models", "--quiet", str(src)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < 200 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if isinstance(db, str):
        _wait_for_other_sessions_to_end(db)
    partial = _count(db)
    assert 0 < partial < n
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert f"already stored {partial}" in done.stdout
    if isinstance(db, str):
        import psycopg

        with psycopg.connect(db) as pg:

            def one(sql: str) -> int:
                row = pg.execute(sql).fetchone()
                assert row is not None
                return int(row[0])

            assert one("SELECT count(*) FROM articles") == n
            assert one("SELECT count(DISTINCT id) FROM articles") == n
            assert one("SELECT count(*) FROM articles WHERE tsv @@ to_tsquery('warta_simple', 'Senin')") > 0
            assert one("SELECT count(*) FROM errors") == 0
        return
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    assert con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Senin'").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 0


def test_store_commands(tmp_path: Path, backend: str, new_db: Callable[[str], str | Path]) -> None:
    db = str(new_db("w"))
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "--db", db, "--no-models", "--quiet", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    assert "added 4" in result.output
    result = runner.invoke(cli, ["search", "pelabuhan", "--db", db])
    assert result.exit_code == 0 and "1 match(es)" in result.output and "[pelabuhan]" in result.output.lower()
    result = runner.invoke(cli, ["search", "pelabuhan", "--db", db, "--format", "jsonl"])
    hit = json.loads(result.output.splitlines()[0])
    assert "<mark>" in hit["snippet"]
    result = runner.invoke(cli, ["show", hit["id"], "--db", db])
    assert "dateline:  Surabaya (ANTARA)" in result.output
    result = runner.invoke(cli, ["search", '"unbalanced', "--db", db])
    assert result.exit_code == 1 and "unbalanced quote" in result.output and "Traceback" not in result.output
    assert runner.invoke(cli, ["stats", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["errors", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["entities", "--db", db, "--format", "csv"]).exit_code == 0
    assert runner.invoke(cli, ["duplicates", "--db", db]).output.startswith("0 cluster(s)")
    out = tmp_path / "r.jsonl"
    assert runner.invoke(cli, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    assert len(out.read_text().splitlines()) == 4
    missing = str(tmp_path / "missing.db") if backend == "sqlite" else str(new_db("missing"))
    result = runner.invoke(cli, ["search", "x", "--db", missing])
    assert result.exit_code == 1 and "no store" in result.output
