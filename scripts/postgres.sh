#!/usr/bin/env bash
# Local PostgreSQL (Debian cluster) for development and tests.
#
# Usage: scripts/postgres.sh start|stop|status
#
# start: makes sure a Debian cluster (newest installed major version, found
# with pg_lsclusters / pg_createcluster) runs on 127.0.0.1:$PG_PORT, creates
# two roles and database folio owned by the first, then prints the lines to export:
#   DATABASE_URL=postgres://folio:folio@127.0.0.1:5432/folio
#   DATABASE_APP_URL=postgres://folio_app:folio_app@127.0.0.1:5432/folio
# - the owner role folio/folio (LOGIN CREATEDB, so pytest-django can create test
#   databases): it owns every table and runs `manage.py migrate`;
# - the app role folio_app/folio_app (LOGIN only, owns nothing): what the web and
#   the workers use. `migrate` with FOLIO_DB_ROL_APP=folio_app grants it its rights
#   (read and write everything, but only SELECT and INSERT on the bitácora).
# stop: stops that cluster. status: exits 0 when it accepts connections, 3 if not.
#
# Environment (all optional): PG_PORT (5432), PG_USER (folio),
# PG_PASSWORD (folio), PG_DB (folio), PG_APP_USER (folio_app),
# PG_APP_PASSWORD (folio_app).
# Must run as root or as the postgres user (psql runs as postgres via runuser).
set -euo pipefail

PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-folio}"
PG_PASSWORD="${PG_PASSWORD:-folio}"
PG_DB="${PG_DB:-folio}"
PG_APP_USER="${PG_APP_USER:-folio_app}"
PG_APP_PASSWORD="${PG_APP_PASSWORD:-folio_app}"
URL="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
APP_URL="postgres://$PG_APP_USER:$PG_APP_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

command -v pg_lsclusters >/dev/null ||
    die "pg_lsclusters not found (apt-get install postgresql)"

# Run a command as the postgres superuser.
as_postgres() {
    if [[ $(id -un) == postgres ]]; then
        "$@"
    elif [[ $EUID -eq 0 ]]; then
        # cd /: postgres may not be allowed into the caller's cwd.
        (cd / && runuser -u postgres -- "$@")
    else
        die "run as root or postgres"
    fi
}

# Prints "<version> <name> <status>" of the cluster on PG_PORT, if any.
find_cluster() {
    pg_lsclusters -h | awk -v port="$PG_PORT" '$3 == port { print $1, $2, $4; exit }'
}

# Newest installed server major version.
newest_version() {
    local bin v best=""
    for bin in /usr/lib/postgresql/*/bin/postgres; do
        [[ -x $bin ]] || continue
        v="${bin#/usr/lib/postgresql/}"
        v="${v%%/*}"
        if [[ $v =~ ^[0-9]+$ ]] && ((${best:-0} < v)); then best="$v"; fi
    done
    [[ -n $best ]] || die "no PostgreSQL server found in /usr/lib/postgresql"
    echo "$best"
}

ensure_cluster() {
    local ver name
    if [[ -z $(find_cluster) ]]; then
        ver="$(newest_version)"
        name=main
        [[ -d /etc/postgresql/$ver/main ]] && name=folio
        log "creating cluster $ver/$name on port $PG_PORT"
        pg_createcluster --port "$PG_PORT" "$ver" "$name" >&2
    fi
}

psql_su() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"; }

cmd_start() {
    local ver name status
    ensure_cluster
    read -r ver name status <<<"$(find_cluster)"
    if [[ $status != online* ]]; then
        log "starting cluster $ver/$name"
        pg_ctlcluster "$ver" "$name" start
    fi
    # The Debian default listen_addresses='localhost' covers 127.0.0.1.
    local i
    for ((i = 0; i < 30; i++)); do
        pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
        sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" ||
        die "cluster $ver/$name does not accept connections on 127.0.0.1:$PG_PORT"

    # Roles: create if missing, otherwise make sure password and rights match.
    # Names/password are passed as psql variables (:'x' quotes a literal, :"x" an identifier).
    psql_su -v u="$PG_USER" -v p="$PG_PASSWORD" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') AS missing \gset
\if :missing
CREATE ROLE :"u" LOGIN CREATEDB PASSWORD :'p';
\else
ALTER ROLE :"u" LOGIN CREATEDB PASSWORD :'p';
\endif
SQL
    [[ $PG_APP_USER != "$PG_USER" ]] || die "PG_APP_USER must differ from PG_USER"
    psql_su -v u="$PG_APP_USER" -v p="$PG_APP_PASSWORD" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') AS missing \gset
\if :missing
CREATE ROLE :"u" LOGIN PASSWORD :'p';
\else
ALTER ROLE :"u" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'p';
\endif
SQL
    # Database: CREATE DATABASE cannot run inside a DO block, hence \gexec.
    psql_su -v u="$PG_USER" -v d="$PG_DB" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d') \gexec
SQL
    # Check the URL really works (password auth over TCP).
    PGPASSWORD="$PG_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" \
        -c 'SELECT 1' >/dev/null ||
        die "cannot connect as $PG_USER over TCP (check pg_hba.conf of $ver/$name)"
    PGPASSWORD="$PG_APP_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_APP_USER" \
        -d "$PG_DB" -c 'SELECT 1' >/dev/null ||
        die "cannot connect as $PG_APP_USER over TCP (check pg_hba.conf of $ver/$name)"
    log "cluster $ver/$name ready"
    echo "DATABASE_URL=$URL"
    echo "DATABASE_APP_URL=$APP_URL"
}

cmd_stop() {
    local ver name status
    read -r ver name status <<<"$(find_cluster)"
    if [[ -z ${ver:-} ]]; then
        log "no cluster on port $PG_PORT"
        return 0
    fi
    if [[ $status == online* ]]; then
        log "stopping cluster $ver/$name"
        pg_ctlcluster "$ver" "$name" stop
    else
        log "cluster $ver/$name is not running"
    fi
}

cmd_status() {
    local ver name status
    read -r ver name status <<<"$(find_cluster)"
    if [[ -z ${ver:-} ]]; then
        echo "not running (no cluster on port $PG_PORT)"
        return 3
    fi
    if [[ $status == online* ]] && pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
        echo "running: cluster $ver/$name on 127.0.0.1:$PG_PORT, DATABASE_URL=$URL DATABASE_APP_URL=$APP_URL"
        return 0
    fi
    echo "not running (cluster $ver/$name is $status)"
    return 3
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
