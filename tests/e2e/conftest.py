"""End-to-end fixtures: a store built from the example articles (plus hostile ones written for these tests),
`warta serve` on a free 127.0.0.1 port, and Debian's chromium driven by Playwright (skipped, saying why, only
when chromium cannot be installed or started)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import EXAMPLES, ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SERVE = "import sys; from warta.cli.serve import serve_command; serve_command(sys.argv[1:])"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, db: Path, *extra: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, "--db", str(db), "--port", str(self.port), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"warta serve exited: {self.proc.stdout.read() if self.proc.stdout else ''}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("warta serve did not start within 30 s")

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        req = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def json(self, path: str) -> Any:
        return json.loads(self.get(path)[2])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="session")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from warta.api import ingest

    db = tmp_path_factory.mktemp("e2e") / "e2e.db"
    summary = ingest([str(EXAMPLES), str(FIXTURES / "hostile.jsonl"), str(FIXTURES / "syndicated.jsonl")], db)
    assert summary.failed == 0 and summary.added >= 7
    return db


@pytest.fixture(scope="session")
def server(store_db: Path) -> Iterator[Server]:
    srv = Server(store_db, "--no-models")  # pasted text analysed rule-based: fast; the store was built with models
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, installed by scripts/ensure_chromium.sh when missing (as root)."""
    if not Path(CHROMIUM).exists():
        script = ROOT / "scripts" / "ensure_chromium.sh"
        done = subprocess.run(["sh", str(script)], capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not Path(CHROMIUM).exists():
            pytest.skip(f"chromium could not be installed by {script.name}: {done.stderr.strip()[-300:]}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install 'warta[e2e]')")
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # chromium present but cannot start here
            pytest.skip(f"chromium at {chromium} could not be started: {str(exc)[:300]}")
        yield browser
        browser.close()


class PageWatch:
    """A browser page that records dialogs (alert = script ran), console errors and failed requests."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("request", self._request)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request: Any) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "about:")):
            self.external.append(request.url)


@pytest.fixture
def page(browser: Any) -> Iterator[PageWatch]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = PageWatch(context.new_page())
    yield watch
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

