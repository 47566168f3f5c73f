"""`warta ingest` as a user runs it: a real kill -9 mid-run, then resume; the store commands."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from warta.cli import cli

from ..conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def _count(db: Path) -> int:
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


def test_kill_9_then_resume_stores_every_article_once(tmp_path: Path) -> None:
    n = 1500
    src = tmp_path / "gen.jsonl"
    src.write_text("".join(json.dumps({"id": f"g{i}", "text": t}) + "\n" for i, t in enumerate(generate(n))))
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "warta", "ingest", "--db", str(db), "--no-models", "--quiet", str(src)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db) < 200 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < n
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert f"already stored {partial}" in done.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    assert con.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == n
    assert con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Senin'").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 0


def test_store_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
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
    result = runner.invoke(cli, ["search", "x", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "no store" in result.output
