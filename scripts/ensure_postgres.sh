#!/usr/bin/env bash
# Make sure a PostgreSQL server for the store's tests is running on loopback, and write its URL.
#
# Idempotent: the first run installs Debian's `postgresql` (apt-get, as root or through sudo) when no
# server binaries are present, creates a dedicated cluster `warta_test` (UTF-8, listening on 127.0.0.1
# only, on 5432 or the first free port from 54320, durability off: it holds throwaway test data) and
# a role and database `warta_test` (password `warta_test`, allowed to create databases: every test
# gets a fresh one). Later runs only start the cluster if it is down. Not root and no sudo: a private
# cluster is made under .ci/pgdata with the installed binaries instead.
#
# The URL goes to stdout (WARTA_TEST_PG_URL=...) and to .ci/postgres.url, which the tests read (the
# environment variable WARTA_TEST_PG_URL, when set, wins over the file).
# Usage: scripts/ensure_postgres.sh [--check]   (--check: only report, exit 1 when not reachable)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CI_DIR="$ROOT/.ci"
URL_FILE="$CI_DIR/postgres.url"
CLUSTER=warta_test
ROLE=warta_test
DATABASE=warta_test
PASSWORD=warta_test

log() { echo "ensure_postgres: $*" >&2; }
die() { log "$*"; exit 1; }

url_for() { echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$1/$DATABASE"; }

port_in_use() {  # something accepts connections on 127.0.0.1:$1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

port_claimed() {  # another Debian cluster is configured for port $1 (running or not)
    command -v pg_lsclusters >/dev/null 2>&1 &&
        pg_lsclusters -h 2>/dev/null | awk -v c="$CLUSTER" -v p="$1" '$2 != c && $3 == p {f = 1} END {exit !f}'
}

free_port() {
    local p
    for p in 5432 $(seq 54320 54420); do
        if ! port_in_use "$p" && ! port_claimed "$p"; then echo "$p"; return; fi
    done
    die "no free TCP port on 127.0.0.1 between 54320 and 54420"
}

pg_bindir() {  # the newest installed server version's binaries
    local v
    v=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
    [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/postgres" ] && echo "/usr/lib/postgresql/$v/bin"
}

wait_ready() {  # host port
    local i
    for i in $(seq 1 60); do
        if "$BIN/pg_isready" -q -h "$1" -p "$2"; then return 0; fi
        sleep 0.5
    done
    return 1
}

write_url() {
    mkdir -p "$CI_DIR"
    printf '%s\n' "$1" >"$URL_FILE"
    echo "WARTA_TEST_PG_URL=$1"
}

# SQL making the role and database (run as a superuser of the cluster)
setup_sql() {
    cat <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '$ROLE', '$PASSWORD')
    WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING %L', '$DATABASE', '$ROLE', 'UTF8')
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DATABASE') \gexec
SQL
}

can_login() {  # port: the test role can log in over TCP
    PGPASSWORD=$PASSWORD PGCONNECT_TIMEOUT=5 "$PSQL" -X -q -h 127.0.0.1 -p "$1" -U "$ROLE" -d "$DATABASE" \
        -c 'SELECT 1' >/dev/null 2>&1
}

# ------------------------------------------------------------------ --check
if [ "${1:-}" = "--check" ]; then
    [ -s "$URL_FILE" ] || die "no $URL_FILE: run scripts/ensure_postgres.sh"
    url=$(cat "$URL_FILE")
    port=${url##*:}; port=${port%%/*}
    PSQL=$(command -v psql) || die "psql not installed"
    if can_login "$port"; then echo "WARTA_TEST_PG_URL=$url"; exit 0; fi
    die "PostgreSQL at $url is not reachable"
fi

# ------------------------------------------------------------------ install
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"; else SUDO="-"; fi

BIN=$(pg_bindir || true)
if [ -z "$BIN" ] || { [ "$SUDO" != "-" ] && ! command -v pg_createcluster >/dev/null 2>&1; }; then
    [ "$SUDO" != "-" ] || die "PostgreSQL is not installed and installing it needs root: apt-get install -y postgresql"
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get: install a server"
    log "installing PostgreSQL (Debian package postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    # postinst scripts of slim images may miss man directories
    $SUDO mkdir -p /usr/share/man/man1 /usr/share/man/man7
    if ! $SUDO apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1; then
        $SUDO apt-get update -q >/dev/null  # a fresh image has no package lists yet
        $SUDO apt-get install -y -q --no-install-recommends postgresql >/dev/null
    fi
    BIN=$(pg_bindir || true)
    [ -n "$BIN" ] || die "installed postgresql but found no server binaries under /usr/lib/postgresql"
fi
PSQL="$BIN/psql"
[ -x "$PSQL" ] || PSQL=$(command -v psql) || die "psql not installed"
VERSION=$(basename "$(dirname "$BIN")")

# ------------------------------------------------------------------ root: a Debian cluster of our own
if [ "$SUDO" != "-" ] && command -v pg_createcluster >/dev/null 2>&1; then
    conf_dir="/etc/postgresql/$VERSION/$CLUSTER"
    if [ ! -f "$conf_dir/postgresql.conf" ]; then
        port=$(free_port)
        log "creating cluster $VERSION/$CLUSTER on 127.0.0.1:$port"
        $SUDO pg_createcluster "$VERSION" "$CLUSTER" -p "$port" --encoding UTF8 --locale C.UTF-8 \
            -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
        $SUDO tee "$conf_dir/conf.d/warta_test.conf" >/dev/null <<CONF
# warta test cluster: loopback only; throwaway data, so durability is traded for speed
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
    fi
    port=$(sed -n "s/^[[:space:]]*port[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p" "$conf_dir/postgresql.conf" | tail -n 1)
    status=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}')
    if [ "$status" != "online" ]; then
        if port_in_use "$port"; then  # another server took our port while we were down
            port=$(free_port)
            log "port taken: moving cluster $VERSION/$CLUSTER to $port"
            $SUDO sed -i "s/^[[:space:]]*port[[:space:]]*=.*/port = $port/" "$conf_dir/postgresql.conf"
        fi
        log "starting cluster $VERSION/$CLUSTER on 127.0.0.1:$port"
        $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start ||
            die "cannot start cluster $VERSION/$CLUSTER: see /var/log/postgresql/postgresql-$VERSION-$CLUSTER.log"
    fi
    wait_ready 127.0.0.1 "$port" || die "cluster $VERSION/$CLUSTER does not accept connections on 127.0.0.1:$port"
    if ! can_login "$port"; then
        setup_sql | $SUDO runuser -u postgres -- "$PSQL" -X -q -v ON_ERROR_STOP=1 \
            -h /var/run/postgresql -p "$port" -d postgres >/dev/null
    fi
    can_login "$port" || die "role $ROLE cannot log in to 127.0.0.1:$port"
    write_url "$(url_for "$port")"
    exit 0
fi

# ------------------------------------------------------------------ not root: a private cluster in .ci/pgdata
DATA="$CI_DIR/pgdata"
SOCKET_DIR=${TMPDIR:-/tmp}
mkdir -p "$CI_DIR"
if [ ! -f "$DATA/PG_VERSION" ]; then
    log "creating a private cluster in $DATA"
    "$BIN/initdb" -D "$DATA" -U postgres --encoding UTF8 --locale C.UTF-8 --auth-local=trust \
        --auth-host=scram-sha-256 >/dev/null
    printf '%s\n' "listen_addresses = '127.0.0.1'" "fsync = off" "synchronous_commit = off" \
        "full_page_writes = off" "unix_socket_directories = '$SOCKET_DIR'" >>"$DATA/postgresql.conf"
fi
if [ -f "$CI_DIR/pgport" ]; then port=$(cat "$CI_DIR/pgport"); else port=$(free_port); fi
if ! "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    port_in_use "$port" && port=$(free_port)
    echo "$port" >"$CI_DIR/pgport"
    "$BIN/pg_ctl" -D "$DATA" -l "$CI_DIR/postgres.log" -o "-p $port" -w start >/dev/null ||
        die "cannot start the private cluster: see $CI_DIR/postgres.log"
fi
wait_ready 127.0.0.1 "$port" || die "the private cluster does not accept connections on 127.0.0.1:$port"
if ! can_login "$port"; then
    setup_sql | "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$port" -U postgres -d postgres >/dev/null
fi
can_login "$port" || die "role $ROLE cannot log in to 127.0.0.1:$port"
write_url "$(url_for "$port")"
