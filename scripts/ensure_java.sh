#!/bin/sh
# Make sure a Java runtime (17 or newer) is present for the optional Spark jobs (warta[spark]).
# Idempotent: does nothing when `java` already runs and is new enough. Otherwise installs Debian's
# openjdk-17-jre-headless with apt-get (as root, or through sudo when available).
# Usage: scripts/ensure_java.sh [--check]   (--check: only report, exit 1 when missing)
set -eu

MIN_MAJOR=17
PACKAGE=openjdk-17-jre-headless

java_major() {
    command -v java >/dev/null 2>&1 || return 1
    # `java -version` prints e.g. 'openjdk version "17.0.15" 2025-04-15' (or "1.8.0_..." for Java 8)
    version=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    [ -n "$version" ] || return 1
    major=${version%%.*}
    [ "$major" = "1" ] && major=$(echo "$version" | cut -d. -f2)
    echo "$major"
}

major=$(java_major || true)
if [ -n "$major" ] && [ "$major" -ge "$MIN_MAJOR" ] 2>/dev/null; then
    echo "java $major found: $(command -v java)"
    exit 0
fi

if [ "${1:-}" = "--check" ]; then
    echo "no Java $MIN_MAJOR+ runtime found (Spark jobs need one); run scripts/ensure_java.sh" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "no Java $MIN_MAJOR+ runtime and no apt-get: install a JRE $MIN_MAJOR+ (e.g. Temurin) and put java on PATH" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "installing $PACKAGE needs root: run 'apt-get install -y $PACKAGE' as root" >&2
    exit 1
fi

echo "installing $PACKAGE (Java runtime for the Spark jobs)"
# man pages are often excluded in slim images, and the JRE's postinst expects the directory
$SUDO mkdir -p /usr/share/man/man1
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$PACKAGE"
major=$(java_major || true)
if [ -z "$major" ] || [ "$major" -lt "$MIN_MAJOR" ]; then
    echo "installed $PACKAGE but java $MIN_MAJOR+ is still not on PATH" >&2
    exit 1
fi
echo "java $major installed: $(command -v java)"
