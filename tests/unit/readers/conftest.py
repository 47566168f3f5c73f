"""Fixtures for reader tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from .localserver import LocalServer, Route


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Route]], LocalServer]]:
    servers: list[LocalServer] = []

    def start(routes: dict[str, Route]) -> LocalServer:
        servers.append(LocalServer(routes))
        return servers[-1]

    yield start
    for server in servers:
        server.close()
