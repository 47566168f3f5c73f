"""``warta serve``: the web app and REST API over a store."""

from __future__ import annotations

import ipaddress
from typing import Any

import click

from warta.store import StoreError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", default="warta.db", show_default=True, envvar="WARTA_DB", help="The store (or set WARTA_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="WARTA_TOKEN", help="Require this token (Authorization: Bearer, or ?token= once).")
@click.option("--read-only", is_flag=True, help="Browse only: analysing new text is turned off.")
@click.option("--max-upload", type=click.IntRange(min=1024), default=2_000_000, show_default=True,
              help="Largest request body (pasted or uploaded article), in bytes.")
@click.option("--no-models", is_flag=True, help="Analyse pasted text with the rule-based annotators only.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Search processes (more use more cores for concurrent searches; one serves the pages).")
@click.option("--cache-seconds", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Answer a repeated search from memory for this long (0: never).")
def serve_command(db: str, host: str, port: int, token: str | None, read_only: bool, max_upload: int,
                  no_models: bool, workers: int, cache_seconds: float) -> None:
    """Browse and search the store in a web browser; REST API under /api (OpenAPI at /openapi.json).

    Binds 127.0.0.1 by default. Serving on another interface needs --token or --read-only.
    """
    if not is_loopback(host) and not token and not read_only:
        raise click.UsageError(f"serving on {host} (not this machine only) needs --token TOKEN or --read-only")
    try:
        import uvicorn

        from warta.web import WebConfig, create_app
    except ImportError as exc:
        raise click.ClickException(f"the web app needs its extras: pip install 'warta[web]' ({exc})") from exc
    config = WebConfig(db=db, token=token, read_only=read_only, max_upload_bytes=max_upload,
                       use_models=not no_models, cache_seconds=cache_seconds, search_processes=workers)
    try:
        app = create_app(config)
    except StoreError as exc:
        raise click.ClickException(exc.message) from exc
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"warta serving {db} on http://{shown}:{port}/" + (" (token required)" if token else "")
               + (" (read-only)" if read_only else "") + (f" with {workers} search processes" if workers > 1 else ""),
               err=True)
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "access_log": False,
                               "server_header": False}
    uvicorn.run(app, **options)
