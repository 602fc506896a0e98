#!/usr/bin/env bash
# Local Redis (Debian redis-server) for development and tests: the shared cache of several
# web processes (CACHE_URL=redis://...).
#
# Usage: scripts/redis.sh start|stop|status
# start prints the line to export: REDIS_URL=redis://127.0.0.1:6390/0
# Environment: REDIS_PORT (6390), FOLIO_CACHE (state directory, default ~/.cache/folio).
set -euo pipefail

REDIS_PORT="${REDIS_PORT:-6390}"
DIR="${FOLIO_CACHE:-$HOME/.cache/folio}/redis"
URL="redis://127.0.0.1:$REDIS_PORT/0"

log() { echo "redis.sh: $*" >&2; }
command -v redis-server >/dev/null || { log "error: redis-server not found (apt-get install redis-server)"; exit 1; }

ping() { redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

case "${1:-}" in
    start)
        if ! ping; then
            mkdir -p "$DIR"
            redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
                --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --daemonize yes
            for _ in $(seq 1 50); do ping && break; sleep 0.1; done
            ping || { log "error: redis did not start (see $DIR/redis.log)"; exit 1; }
        fi
        log "ready on 127.0.0.1:$REDIS_PORT"
        echo "REDIS_URL=$URL"
        ;;
    stop)
        ping && redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
        ;;
    status)
        if ping; then echo "running: REDIS_URL=$URL"; else echo "not running"; exit 3; fi
        ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
