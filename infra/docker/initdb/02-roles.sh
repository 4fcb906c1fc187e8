#!/bin/sh
# Run once by the postgres image on an empty data volume, after 01-databases.sql: each service's
# database gets a login role of its own that owns it and may do nothing else (no superuser, no
# CREATEDB, no CREATEROLE), and no other role may connect to it. Passwords come from the
# environment (docker-compose.yml: CP_<SERVICE>_DB_PASSWORD; set them for anything but a laptop).
set -eu
for db in consent dsa_registry disclosure audit; do
  var="CP_$(echo "$db" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="$(printenv "$var")" || { echo "$var is not set" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE cp_$db LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '$password';
ALTER DATABASE $db OWNER TO cp_$db;
REVOKE ALL ON DATABASE $db FROM PUBLIC;
SQL
done
