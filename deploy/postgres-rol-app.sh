#!/usr/bin/env bash
# Run once by the postgres image when it initialises an empty data directory
# (/docker-entrypoint-initdb.d/): creates Folio's app role folio_app, LOGIN only, with the
# password POSTGRES_APP_PASSWORD. It owns nothing; `migrate` (as the owner POSTGRES_USER,
# with FOLIO_DB_ROL_APP=folio_app) grants it the tables, and only SELECT and INSERT on the
# bitácora. For a data directory created before this script existed, run it by hand:
#   docker compose exec -e POSTGRES_APP_PASSWORD=... postgres \
#       bash /docker-entrypoint-initdb.d/10-folio-rol-app.sh
set -euo pipefail
: "${POSTGRES_APP_PASSWORD:?defina POSTGRES_APP_PASSWORD}"

psql -X -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app=folio_app -v clave="$POSTGRES_APP_PASSWORD" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') AS falta \gset
\if :falta
CREATE ROLE :"app" LOGIN PASSWORD :'clave';
\else
ALTER ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'clave';
\endif
SQL
