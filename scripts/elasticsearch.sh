#!/usr/bin/env bash
# Local single-node Elasticsearch for development and tests.
#
# Usage: scripts/elasticsearch.sh start|stop|status
#
# Environment (all optional):
#   ES_VERSION     Elasticsearch version (default 8.19.21)
#   ES_PORT        HTTP port on 127.0.0.1 (default 9200)
#   ES_HEAP        JVM heap, used for -Xms and -Xmx (default 512m)
#   ES_USER        user that runs ES when this script runs as root (default elasticsearch)
#   ES_EXTRA_JAVA_OPTS  extra JVM options appended to ES_JAVA_OPTS
#   ES_WAIT        seconds to wait for the cluster to turn yellow (default 120)
#   ES_HUNSPELL    hunspell locales copied from /usr/share/hunspell into
#                  config/hunspell/<locale>/ (default "es_ES"; "" disables)
#   M2_REPO        local Maven repository (default ~/.m2/repository)
#   FOLIO_CACHE    cache dir outside the repo (default $HOME/.cache/folio;
#                  as root /var/cache/folio, see below)
#
# The distribution used is the minimal "integ-test-zip" from the local Maven
# repository (fetched with mvn if missing). It has no bundled JDK, so the
# system Java (/usr/bin/java) is used through ES_JAVA_HOME.
#
# Elasticsearch refuses to run as root. When this script runs as root it
# creates a system user ($ES_USER, no login shell) if missing, chowns the ES
# runtime dir to it and starts ES through runuser. Because root's $HOME is
# usually mode 0700 (that user could not even traverse it), the default cache
# dir for root is /var/cache/folio instead of $HOME/.cache/folio.
#
# start prints the line to export: ELASTICSEARCH_URL=http://127.0.0.1:<port>
# status exits 0 when ES answers, 3 when it is not running.
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-elasticsearch}"
ES_WAIT="${ES_WAIT:-120}"
ES_HUNSPELL="${ES_HUNSPELL-es_ES}"

if [[ $EUID -eq 0 ]]; then
    CACHE_DIR="${FOLIO_CACHE:-/var/cache/folio}"
else
    CACHE_DIR="${FOLIO_CACHE:-$HOME/.cache/folio}"
fi

# Local Maven repository holding the zip (M2_REPO overrides, also for mvn).
MVN_OPTS=()
if [[ -n ${M2_REPO:-} ]]; then
    MVN_OPTS+=(-Dmaven.repo.local="$M2_REPO")
else
    M2_REPO="$HOME/.m2/repository"
fi
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
ZIP="$M2_REPO/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"

# Everything ES writes lives under BASE (one tree per version and port).
BASE="$CACHE_DIR/elasticsearch-$ES_VERSION-$ES_PORT"
ES_HOME="$BASE/home"
DATA_DIR="$BASE/data"
LOG_DIR="$BASE/logs"
RUN_DIR="$BASE/run"
TMP_DIR="$BASE/tmp"
PIDFILE="$RUN_DIR/elasticsearch.pid"
URL="http://127.0.0.1:$ES_PORT"
LOGFILE="$LOG_DIR/folio.log"   # <cluster.name>.log
STDOUT_LOG="$LOG_DIR/launcher.out"

log() { echo "elasticsearch.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# curl against the local node; quiet, short timeouts.
es_get() { curl -fsS --max-time "${2:-5}" "$URL$1"; }

# PID from the pidfile if that process is alive, else nothing.
running_pid() {
    local pid
    [[ -f $PIDFILE ]] || return 1
    pid="$(tr -dc '0-9' <"$PIDFILE")"
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled PID (e.g. stale pidfile after a reboot).
    grep -qa elasticsearch "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

# Run a command as the ES user (root) or as ourselves.
as_es_user() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u "$ES_USER" -- "$@"
    else
        "$@"
    fi
}

ensure_zip() {
    if [[ ! -f $ZIP ]]; then
        command -v mvn >/dev/null || die "mvn not found and $ZIP missing"
        log "fetching $ARTIFACT with mvn"
        # stdout goes to stderr: only the ELASTICSEARCH_URL line belongs on stdout.
        mvn -B -q "${MVN_OPTS[@]}" dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false >&2
        [[ -f $ZIP ]] || die "mvn did not produce $ZIP (custom localRepository in settings.xml? set M2_REPO)"
    fi
}

# Unzip once into $ES_HOME (atomic: unzip to a temp dir, then rename).
ensure_home() {
    [[ -x $ES_HOME/bin/elasticsearch ]] && return 0
    ensure_zip
    command -v unzip >/dev/null || die "unzip not found (apt-get install unzip)"
    local tmp
    tmp="$(mktemp -d "$BASE/unzip.XXXXXX")"
    log "unpacking $(basename "$ZIP") into $ES_HOME"
    unzip -q "$ZIP" -d "$tmp"
    rm -rf "$ES_HOME"
    mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$tmp"
}

# Copy hunspell dictionaries: ES loads config/hunspell/<locale>/*.aff|*.dic,
# the directory name is the "locale" used in the hunspell token filter.
ensure_hunspell() {
    local loc src dst
    for loc in $ES_HUNSPELL; do
        src="/usr/share/hunspell/$loc"
        dst="$ES_HOME/config/hunspell/$loc"
        if [[ -f $src.aff && -f $src.dic ]]; then
            if [[ ! -f $dst/$loc.dic ]]; then
                mkdir -p "$dst"
                # cp -L: Debian ships most es_* variants as symlinks.
                cp -L "$src.aff" "$src.dic" "$dst/"
            fi
        else
            log "hunspell dictionary $loc not found in /usr/share/hunspell (apt-get install hunspell-es), skipped"
        fi
    done
}

ensure_user() {
    [[ $EUID -eq 0 ]] || return 0
    if ! id -u "$ES_USER" >/dev/null 2>&1; then
        log "creating system user $ES_USER"
        useradd --system --user-group --no-create-home \
            --home-dir "$BASE" --shell /usr/sbin/nologin "$ES_USER"
    fi
    chown -R "$ES_USER:$ES_USER" "$BASE"
    # Every parent of BASE must be traversable by the ES user.
    runuser -u "$ES_USER" -- test -x "$ES_HOME/bin/elasticsearch" ||
        die "user $ES_USER cannot reach $ES_HOME (a parent dir is not traversable); set FOLIO_CACHE elsewhere"
}

java_home() {
    # Prefer a bundled JDK (the default distribution has one, this one not).
    if [[ -x $ES_HOME/jdk/bin/java ]]; then
        return 0
    fi
    local java
    java="$(readlink -f "$(command -v java || echo /usr/bin/java)")"
    [[ -x $java ]] || die "no Java found (apt-get install openjdk-17-jre-headless)"
    dirname "$(dirname "$java")"
}

wait_healthy() {
    local deadline=$((SECONDS + ES_WAIT))
    while ((SECONDS < deadline)); do
        if es_get "/_cluster/health?wait_for_status=yellow&timeout=5s" 10 >/dev/null 2>&1; then
            return 0
        fi
        # The launcher may have died already: no point waiting further.
        if [[ -f $PIDFILE ]] && ! running_pid >/dev/null; then
            return 1
        fi
        sleep 1
    done
    return 1
}

show_logs() {
    log "Elasticsearch did not become healthy; last log lines:"
    local f
    for f in "$STDOUT_LOG" "$LOGFILE"; do
        [[ -s $f ]] || continue
        echo "----- $f" >&2
        tail -n 40 "$f" >&2
    done
}

cmd_start() {
    mkdir -p "$CACHE_DIR" "$BASE"
    # Serialise concurrent calls (e.g. two test runs starting at once).
    exec 9>"$CACHE_DIR/.elasticsearch-$ES_PORT.lock"
    flock 9

    local pid
    if pid="$(running_pid)"; then
        if wait_healthy; then
            log "already running (pid $pid)"
            echo "ELASTICSEARCH_URL=$URL"
            return 0
        fi
        show_logs
        die "pid $pid is alive but $URL does not answer"
    fi
    rm -f "$PIDFILE"
    # Any HTTP answer counts (no -f: this distribution answers GET / with 405).
    if curl -sS -o /dev/null --max-time 2 "$URL/" 2>/dev/null; then
        die "something else already answers on $URL (not started by this script)"
    fi

    ensure_home
    ensure_hunspell
    mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$TMP_DIR"
    ensure_user

    local jhome opts=() envs=()
    jhome="$(java_home)"
    envs=(
        HOME="$BASE"
        ES_TMPDIR="$TMP_DIR"
        ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_EXTRA_JAVA_OPTS:-}"
    )
    [[ -n $jhome ]] && envs+=(ES_JAVA_HOME="$jhome")
    opts+=(
        -E cluster.name=folio
        -E node.name=folio-dev
        -E network.host=127.0.0.1
        -E http.port="$ES_PORT"
        -E discovery.type=single-node
        -E path.data="$DATA_DIR"
        -E path.logs="$LOG_DIR"
        -E bootstrap.memory_lock=false
        # Dev machine: don't flip indices read-only when the disk fills up.
        -E cluster.routing.allocation.disk.threshold_enabled=false
    )
    # xpack.security.* is registered by x-pack-core; passing it to a
    # distribution without x-pack would fail with "unknown setting".
    if [[ -d $ES_HOME/modules/x-pack-core || -d $ES_HOME/modules/x-pack-security ]]; then
        opts+=(-E xpack.security.enabled=false)
    fi
    # single-node discovery + loopback bind = dev mode: the production
    # bootstrap checks (vm.max_map_count, file descriptors...) only warn.

    log "starting Elasticsearch $ES_VERSION on $URL (data in $BASE)"
    : >"$STDOUT_LOG"
    [[ $EUID -eq 0 ]] && chown "$ES_USER:$ES_USER" "$STDOUT_LOG"
    local start=$SECONDS rc=0
    # -d daemonizes once the node has started; -p writes the pidfile.
    # cwd = logs dir so relative JVM log files (gc.log, hs_err) land there.
    (
        cd "$LOG_DIR"
        as_es_user env -u JAVA_HOME "${envs[@]}" \
            "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE" "${opts[@]}" \
            </dev/null >>"$STDOUT_LOG" 2>&1
    ) || rc=$?
    if ((rc != 0)) || ! wait_healthy; then
        show_logs
        die "start failed (launcher exit code $rc)"
    fi
    log "healthy after $((SECONDS - start))s (pid $(running_pid || echo '?'))"
    echo "ELASTICSEARCH_URL=$URL"
}

cmd_stop() {
    local pid i
    if ! pid="$(running_pid)"; then
        rm -f "$PIDFILE"
        log "not running"
        return 0
    fi
    log "stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still alive after 60s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
    fi
    rm -f "$PIDFILE"
    log "stopped"
}

cmd_status() {
    local pid
    if pid="$(running_pid)" && es_get "/_cluster/health?pretty" >/dev/null 2>&1; then
        echo "running (pid $pid), ELASTICSEARCH_URL=$URL"
        es_get "/_cluster/health?pretty"
        return 0
    fi
    if [[ -n ${pid:-} ]]; then
        echo "process $pid alive but $URL does not answer (starting?)"
        return 3
    fi
    echo "not running"
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
