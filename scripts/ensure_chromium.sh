#!/bin/sh
# Debian's chromium for the end-to-end tests (Playwright drives it; never `playwright install`).
# Idempotent: does nothing when /usr/bin/chromium runs. Needs root (apt-get); updates the package lists
# only when the first install attempt fails.
set -eu
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ] && "$CHROMIUM" --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "ensure_chromium: not root, cannot apt-get install chromium" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; then
    apt-get update >/dev/null
    apt-get install -y --no-install-recommends chromium >/dev/null
fi
"$CHROMIUM" --headless --no-sandbox --disable-gpu --version
