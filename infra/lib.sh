# shellcheck shell=bash
# Variables defined here are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared functions and defaults for the infra/* scripts. Source it, do not run it.
#
# Everything lives in the git-ignored state folder of this checkout (.state/), so two
# checkouts on different ports do not disturb each other. See infra/README.md.

if [[ -n "${CP_LIB_LOADED:-}" ]]; then return 0; fi
CP_LIB_LOADED=1

# ---------------------------------------------------------------------------------------------
# Locations and defaults (every default can be overridden by an environment variable).
# ---------------------------------------------------------------------------------------------
CP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
CP_SOLUTION="$CP_ROOT/ConsentPlatform.sln"
STATE_DIR="$CP_ROOT/.state"
LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
KEY_DIR="$STATE_DIR/keys"
RMQ_DIR="$STATE_DIR/rabbitmq"

: "${POSTGRES_PORT:=25432}"
: "${RABBITMQ_PORT:=25672}"
: "${RABBITMQ_MANAGEMENT_PORT:=25673}"
: "${RABBITMQ_DIST_PORT:=25674}"
: "${ERL_EPMD_PORT:=4369}"
: "${CONSENT_PORT:=5101}"
: "${DSA_REGISTRY_PORT:=5102}"
: "${DISCLOSURE_PORT:=5103}"
: "${AUDIT_PORT:=5104}"
: "${GATEWAY_PORT:=8080}"
: "${PORTAL_PORT:=5105}"
: "${DASHBOARD_PORT:=18888}"
: "${DASHBOARD_OTLP_PORT:=18889}"
: "${CP_FAST_UNSAFE_PG:=0}"
export POSTGRES_PORT RABBITMQ_PORT RABBITMQ_MANAGEMENT_PORT RABBITMQ_DIST_PORT ERL_EPMD_PORT \
  CONSENT_PORT DSA_REGISTRY_PORT DISCLOSURE_PORT AUDIT_PORT GATEWAY_PORT PORTAL_PORT \
  DASHBOARD_PORT DASHBOARD_OTLP_PORT

CP_DATABASES=(consent dsa_registry disclosure audit)
RMQ_BIN="${RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}"
RMQ_NODENAME="consentplatform-${RABBITMQ_PORT}@localhost"

# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------
: "${CP_LOG_PREFIX:=infra}"
log() { printf '[%s] %s\n' "$CP_LOG_PREFIX" "$*"; }
warn() { printf '[%s] warning: %s\n' "$CP_LOG_PREFIX" "$*" >&2; }
die() {
  printf '[%s] error: %s\n' "$CP_LOG_PREFIX" "$*" >&2
  exit 1
}

require_root() {
  [[ "$(id -u)" == 0 ]] || die "this script manages local PostgreSQL/RabbitMQ processes and must run as root"
}

ensure_state_dirs() {
  mkdir -p "$STATE_DIR" "$LOG_DIR" "$PID_DIR" "$KEY_DIR" "$RMQ_DIR"
  chmod 700 "$KEY_DIR"
  # Only traverse for others (the postgres user must reach .state/postgres); no listing.
  chmod go+x "$STATE_DIR" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------
# infra/deps holds a lock on fd 9 while it works: every long-lived process started from here
# is started with `9>&-` so that it does not inherit (and keep) that lock.

# read_pid FILE -> prints the pid stored in FILE (first line), or nothing.
read_pid() {
  local f="$1" p=""
  [[ -r "$f" ]] || return 0
  IFS= read -r p <"$f" || true
  p="${p//[^0-9]/}"
  [[ -n "$p" ]] && printf '%s\n' "$p"
  return 0
}

# pid_matches PID PATTERN -> true when PID is alive and its command line contains PATTERN
# (guards against a recycled pid belonging to something else).
pid_matches() {
  local pid="$1" pattern="$2" cmdline
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  # A zombie has an empty command line: treat it as gone.
  [[ -n "$cmdline" && "$cmdline" == *"$pattern"* ]]
}

# wait_gone PID SECONDS -> true when PID exited within SECONDS.
wait_gone() {
  local pid="$1" secs="$2" i
  for ((i = 0; i < secs * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    # A zombie child of ours counts as gone.
    [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" == Z ]] && return 0
    sleep 0.1
  done
  ! kill -0 "$pid" 2>/dev/null
}

# stop_pid NAME PID SIGNAL SECONDS -> signal, wait, SIGKILL after SECONDS.
stop_pid() {
  local name="$1" pid="$2" sig="$3" secs="$4"
  kill "-$sig" "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$secs"; then
    warn "$name (pid $pid) still running after ${secs}s: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "$name (pid $pid) does not exit"
  fi
}

# port_open HOST PORT -> true when something accepts TCP connections there.
port_open() {
  # shellcheck disable=SC2016  # $1/$2 expand in the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# wait_port HOST PORT SECONDS
wait_port() {
  local host="$1" port="$2" secs="$3" i
  for ((i = 0; i < secs * 4; i++)); do
    port_open "$host" "$port" && return 0
    sleep 0.25
  done
  return 1
}

# ---------------------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------------------
pg_bin_dir() {
  if [[ -n "${PG_BIN:-}" ]]; then
    printf '%s\n' "$PG_BIN"
    return 0
  fi
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] || continue
    if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n1)" == "$d" ]]; then
      best="$d"
    fi
  done
  [[ -n "$best" ]] && printf '%s\n' "$best"
  return 0
}

# ensure_packages: installs rabbitmq-server / postgresql from Debian only when missing.
ensure_packages() {
  local missing=()
  [[ -x "$RMQ_BIN/rabbitmq-server" && -x "$RMQ_BIN/rabbitmqctl" ]] || missing+=(rabbitmq-server)
  [[ -n "$(pg_bin_dir)" ]] || missing+=(postgresql)
  id postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if ((${#missing[@]} == 0)); then return 0; fi
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get to install them"
  log "installing missing packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [[ -x "$RMQ_BIN/rabbitmq-server" ]] || die "rabbitmq-server still missing after apt-get install"
  [[ -n "$(pg_bin_dir)" ]] || die "postgresql still missing after apt-get install"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL (private cluster: data dir in .state, 127.0.0.1:$POSTGRES_PORT only)
# ---------------------------------------------------------------------------------------------
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

checkout_hash() { printf '%s' "$CP_ROOT" | sha1sum | cut -c1-12; }

# pg_home: .state/postgres, or where the symlink .state/postgres points when the checkout is
# not reachable by the postgres user (fallback /var/tmp/consentplatform-<hash>/postgres).
pg_home() {
  local h="$STATE_DIR/postgres"
  if [[ -L "$h" ]]; then readlink -f "$h"; else printf '%s\n' "$h"; fi
}
pg_data() { printf '%s/data\n' "$(pg_home)"; }

pg_prepare_home() {
  local h="$STATE_DIR/postgres" real
  if [[ ! -e "$h" && ! -L "$h" ]]; then
    if as_postgres test -x "$STATE_DIR"; then
      mkdir -p "$h"
    else
      real="/var/tmp/consentplatform-$(checkout_hash)/postgres"
      log "postgres user cannot reach $STATE_DIR: keeping the PostgreSQL data in $real (symlinked from .state/postgres)"
      mkdir -p "$real"
      chmod 755 "$(dirname "$real")"
      ln -s "$real" "$h"
    fi
  fi
  real="$(pg_home)"
  mkdir -p "$real"
  chown postgres:postgres "$real"
  chmod 700 "$real"
  as_postgres test -w "$real" ||
    die "the postgres user cannot write $real (check the permissions of its parent folders)"
}

pg_socket_dir() {
  local d
  d="$(pg_home)/run"
  # Unix socket paths are limited to 107 bytes.
  if ((${#d} + 20 > 107)); then d="/var/tmp/consentplatform-$(checkout_hash)/pgrun"; fi
  printf '%s\n' "$d"
}

pg_postmaster_pid() { read_pid "$(pg_data)/postmaster.pid"; }

pg_running() {
  local bin data pid
  bin="$(pg_bin_dir)"
  data="$(pg_data)"
  [[ -n "$bin" && -f "$data/PG_VERSION" ]] || return 1
  as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || return 1
  pid="$(pg_postmaster_pid)"
  pid_matches "$pid" postgres
}

pg_write_conf() {
  local data="$1" sock="$2" f fast=off
  [[ "$CP_FAST_UNSAFE_PG" == 1 ]] && fast=on
  f="$data/consentplatform.conf"
  {
    echo "# Written by infra/deps on every start; edit infra/lib.sh instead."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $POSTGRES_PORT"
    echo "unix_socket_directories = '$sock'"
    echo "max_connections = 200"
    echo "password_encryption = 'scram-sha-256'"
    echo "log_min_messages = warning"
    echo "log_line_prefix = '%m [%p] %d '"
    if [[ "$fast" == on ]]; then
      echo "# CP_FAST_UNSAFE_PG=1: crash-unsafe, for tests only"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >"$f"
  chown postgres:postgres "$f"
  grep -q "^include_if_exists = 'consentplatform.conf'" "$data/postgresql.conf" ||
    echo "include_if_exists = 'consentplatform.conf'" >>"$data/postgresql.conf"
}

pg_initdb() {
  local bin="$1" home data pw
  home="$(pg_home)"
  data="$home/data"
  if [[ -d "$data" && ! -f "$data/PG_VERSION" ]]; then
    warn "removing incomplete PostgreSQL data dir $data"
    rm -rf "$data"
  fi
  [[ -f "$data/PG_VERSION" ]] && return 0
  log "postgres: initdb $data"
  pw="$home/.pwfile"
  printf 'postgres\n' >"$pw"
  chown postgres:postgres "$pw"
  chmod 600 "$pw"
  if ! as_postgres "$bin/initdb" -D "$data" -U postgres --pwfile="$pw" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >>"$LOG_DIR/postgres-initdb.log" 2>&1; then
    rm -f "$pw"
    tail -n 20 "$LOG_DIR/postgres-initdb.log" >&2 || true
    die "initdb failed (see $LOG_DIR/postgres-initdb.log)"
  fi
  rm -f "$pw"
}

pg_up() {
  local bin data sock pid
  bin="$(pg_bin_dir)"
  [[ -n "$bin" ]] || die "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin"
  pg_prepare_home
  data="$(pg_data)"
  if pg_running; then
    pid="$(pg_postmaster_pid)"
    log "postgres: already running (pid $pid, 127.0.0.1:$POSTGRES_PORT)"
  else
    pg_initdb "$bin"
    if port_open 127.0.0.1 "$POSTGRES_PORT"; then
      die "port $POSTGRES_PORT is already in use by another process (set POSTGRES_PORT)"
    fi
    sock="$(pg_socket_dir)"
    mkdir -p "$sock"
    chown postgres:postgres "$sock"
    chmod 700 "$sock"
    pg_write_conf "$data" "$sock"
    log "postgres: starting on 127.0.0.1:$POSTGRES_PORT (fsync $([[ "$CP_FAST_UNSAFE_PG" == 1 ]] && echo off || echo on))"
    # The postmaster inherits this redirection: its log goes to .state/logs/postgres.log
    # without the postgres user needing write access to .state/logs.
    if ! as_postgres "$bin/pg_ctl" -D "$data" -w -t 60 start >>"$LOG_DIR/postgres.log" 2>&1 </dev/null 9>&-; then
      tail -n 20 "$LOG_DIR/postgres.log" >&2 || true
      die "PostgreSQL did not start (see $LOG_DIR/postgres.log)"
    fi
    pid="$(pg_postmaster_pid)"
    log "postgres: started (pid $pid)"
  fi
  printf '%s\n' "$pid" >"$PID_DIR/postgres.pid"
  local i
  for ((i = 0; i < 60; i++)); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -t 1 && break
    sleep 0.5
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -t 5 || die "PostgreSQL is not accepting connections"
  pg_create_databases "$bin"
}

pg_create_databases() {
  local bin="$1" existing db created=()
  existing="$(PGPASSWORD=postgres "$bin/psql" -X -q -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres \
    -tAc 'SELECT datname FROM pg_database')" || die "cannot connect to PostgreSQL as postgres/postgres"
  for db in "${CP_DATABASES[@]}"; do
    if ! grep -qx "$db" <<<"$existing"; then
      PGPASSWORD=postgres "$bin/createdb" -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres "$db"
      created+=("$db")
    fi
  done
  if ((${#created[@]})); then
    log "postgres: created databases ${created[*]}"
  else
    log "postgres: databases ${CP_DATABASES[*]} present"
  fi
  for db in "${CP_DATABASES[@]}"; do pg_own_database "$bin" "$db"; done
}

# Each service connects as a login role of its own that owns its one database and may do nothing
# else: no superuser, no CREATEDB, no CREATEROLE, and no other role may connect to that database.
pg_role() { echo "cp_$1"; }

# state_secret <name>: a random password, made once into .state/keys/<name>.password (mode 0600).
state_secret() {
  local file="$KEY_DIR/$1.password"
  if [[ ! -s "$file" ]]; then
    (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$file.tmp" && mv "$file.tmp" "$file")
  fi
  cat "$file"
}

# pg_password <db>: the database role's password.
pg_password() { state_secret "postgres-$1"; }

# pg_own_database <bin> <db>: creates the database's role (idempotent) and makes it the owner of the
# database and, for a database made before roles existed, of every schema, table, sequence and
# function the administrator created in it.
pg_own_database() {
  local bin="$1" db="$2" role password
  role="$(pg_role "$db")" password="$(pg_password "$db")"
  PGPASSWORD=postgres "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres >/dev/null <<SQL || die "cannot give $db its own role $role"
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END \$\$;
ALTER ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '$password';
ALTER DATABASE $db OWNER TO $role;
REVOKE ALL ON DATABASE $db FROM PUBLIC;
SQL
  PGPASSWORD=postgres "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d "$db" >/dev/null <<SQL || die "cannot hand $db's objects to $role"
DO \$\$ DECLARE r record; BEGIN
  FOR r IN SELECT nspname FROM pg_namespace
           WHERE pg_get_userbyid(nspowner) = 'postgres' AND nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public') LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO $role', r.nspname);
  END LOOP;
  FOR r IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE pg_get_userbyid(c.relowner) = 'postgres' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
             AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
             AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))) LOOP
    EXECUTE format('ALTER %s %s OWNER TO $role', CASE WHEN r.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.rel);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE pg_get_userbyid(p.proowner) = 'postgres' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO $role', r.fn);
  END LOOP;
END \$\$;
SQL
}

pg_down() {
  local pid data
  data="$(pg_data)"
  pid="$(pg_postmaster_pid)"
  [[ -n "$pid" ]] || pid="$(read_pid "$PID_DIR/postgres.pid")"
  if pid_matches "$pid" postgres; then
    log "postgres: stopping (pid $pid)"
    # SIGINT = fast shutdown.
    stop_pid postgres "$pid" INT 30
    log "postgres: stopped"
  else
    log "postgres: not running"
  fi
  rm -f "$PID_DIR/postgres.pid"
}

pg_status() {
  local pid
  if pg_running; then
    pid="$(pg_postmaster_pid)"
    log "postgres: running (pid $pid, 127.0.0.1:$POSTGRES_PORT, data $(pg_data))"
    return 0
  fi
  log "postgres: stopped"
  return 1
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ (private node consentplatform-<port>@localhost, state in .state/rabbitmq)
# ---------------------------------------------------------------------------------------------
rabbit_env() {
  export HOME="$RMQ_DIR/home"
  export RABBITMQ_NODENAME="$RMQ_NODENAME"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBITMQ_PORT"
  export RABBITMQ_DIST_PORT
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$LOG_DIR/rabbitmq"
  export RABBITMQ_LOGS="$LOG_DIR/rabbitmq.log"
  export RABBITMQ_PID_FILE="$PID_DIR/rabbitmq.pid"
  export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT
  export ERL_CRASH_DUMP="$LOG_DIR/rabbitmq-erl_crash.dump"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

# rmq TOOL ARGS... : runs a RabbitMQ script against our node (in a subshell: HOME stays ours).
rmq() (
  rabbit_env
  cd "$RMQ_DIR" || exit 1
  tool="$1"
  shift
  exec "$RMQ_BIN/$tool" "$@"
)

rabbit_pid() { read_pid "$PID_DIR/rabbitmq.pid"; }
# The beam command line carries `-home <HOME>`, unique to this checkout.
rabbit_alive() { pid_matches "$(rabbit_pid)" "-home $RMQ_DIR/home"; }

rabbit_write_conf() {
  mkdir -p "$RMQ_DIR/home" "$RMQ_DIR/mnesia" "$LOG_DIR/rabbitmq"
  chmod 700 "$RMQ_DIR/home"
  : >"$RMQ_DIR/rabbitmq-env.conf"
  [[ -f "$RMQ_DIR/advanced.config" ]] || echo '[].' >"$RMQ_DIR/advanced.config"
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Written by infra/deps on every start; edit infra/lib.sh instead.
listeners.tcp.1 = 127.0.0.1:$RABBITMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBITMQ_MANAGEMENT_PORT
# guest/guest is only accepted from loopback (the default, stated for clarity).
loopback_users.guest = true
log.file.level = info
log.console = false
EOF
  # Same content as `rabbitmq-plugins enable --offline rabbitmq_management`, without the
  # second or two of Erlang start-up that the CLI costs.
  echo '[rabbitmq_management].' >"$RMQ_DIR/enabled_plugins"
}

epmd_bin() {
  local e
  e="$(command -v epmd 2>/dev/null || true)"
  [[ -n "$e" ]] || e="$(find /usr/lib/erlang -name epmd -type f -perm -u+x 2>/dev/null | head -n1)"
  printf '%s\n' "$e"
}

epmd_ensure() {
  if port_open 127.0.0.1 "$ERL_EPMD_PORT"; then
    return 0
  fi
  local e pid
  e="$(epmd_bin)"
  [[ -n "$e" ]] || die "epmd not found (package erlang-base)"
  ERL_EPMD_ADDRESS=127.0.0.1 setsid nohup "$e" -port "$ERL_EPMD_PORT" >>"$LOG_DIR/epmd.log" 2>&1 </dev/null 9>&- &
  pid=$!
  wait_port 127.0.0.1 "$ERL_EPMD_PORT" 10 || die "epmd did not start on port $ERL_EPMD_PORT"
  pid_matches "$pid" epmd || die "epmd started but exited (see $LOG_DIR/epmd.log)"
  printf '%s\n' "$pid" >"$PID_DIR/epmd.pid"
  log "epmd: started (pid $pid, 127.0.0.1:$ERL_EPMD_PORT)"
}

epmd_down() {
  local pid e names
  pid="$(read_pid "$PID_DIR/epmd.pid")"
  if [[ -z "$pid" ]]; then return 0; fi
  if pid_matches "$pid" epmd; then
    e="$(epmd_bin)"
    names="$(ERL_EPMD_PORT="$ERL_EPMD_PORT" "$e" -names 2>/dev/null | grep '^name ' || true)"
    if [[ -n "$names" ]]; then
      log "epmd: left running (pid $pid): other Erlang nodes still use it: $(awk '{print $2}' <<<"$names" | paste -sd' ')"
      return 0
    fi
    log "epmd: stopping (pid $pid, started by infra/deps)"
    stop_pid epmd "$pid" TERM 10
  fi
  rm -f "$PID_DIR/epmd.pid"
}

rabbit_up() {
  local pid
  [[ -x "$RMQ_BIN/rabbitmq-server" ]] || die "RabbitMQ not found in $RMQ_BIN"
  if rabbit_alive; then
    pid="$(rabbit_pid)"
    rmq rabbitmqctl -q await_startup --timeout 60 >/dev/null 2>&1 ||
      die "rabbitmq: pid $pid is alive but the node does not answer (try infra/deps down; see $LOG_DIR/rabbitmq.log)"
    wait_port 127.0.0.1 "$RABBITMQ_PORT" 30 || die "rabbitmq: running but nothing listens on 127.0.0.1:$RABBITMQ_PORT"
    log "rabbitmq: already running (pid $pid, amqp 127.0.0.1:$RABBITMQ_PORT)"
    return 0
  fi
  rm -f "$PID_DIR/rabbitmq.pid"
  local p
  for p in "$RABBITMQ_PORT" "$RABBITMQ_MANAGEMENT_PORT" "$RABBITMQ_DIST_PORT"; do
    if port_open 127.0.0.1 "$p"; then
      die "port $p is already in use by another process (set RABBITMQ_PORT / RABBITMQ_MANAGEMENT_PORT / RABBITMQ_DIST_PORT)"
    fi
  done
  rabbit_write_conf
  epmd_ensure
  log "rabbitmq: starting node $RMQ_NODENAME on 127.0.0.1:$RABBITMQ_PORT (management 127.0.0.1:$RABBITMQ_MANAGEMENT_PORT)"
  rmq rabbitmq-server -detached >>"$LOG_DIR/rabbitmq-start.log" 2>&1 </dev/null 9>&- ||
    die "rabbitmq-server -detached failed (see $LOG_DIR/rabbitmq-start.log)"
  if ! rmq rabbitmqctl -q wait --timeout 60 "$PID_DIR/rabbitmq.pid" >>"$LOG_DIR/rabbitmq-start.log" 2>&1 ||
    ! rmq rabbitmqctl -q await_startup --timeout 60 >>"$LOG_DIR/rabbitmq-start.log" 2>&1; then
    tail -n 30 "$LOG_DIR/rabbitmq.log" >&2 2>/dev/null || true
    die "RabbitMQ did not start (see $LOG_DIR/rabbitmq.log and rabbitmq-start.log)"
  fi
  # `ping` and even await_startup can answer before the listeners accept connections.
  wait_port 127.0.0.1 "$RABBITMQ_PORT" 30 || die "RabbitMQ started but 127.0.0.1:$RABBITMQ_PORT does not listen"
  wait_port 127.0.0.1 "$RABBITMQ_MANAGEMENT_PORT" 30 ||
    warn "RabbitMQ management did not open 127.0.0.1:$RABBITMQ_MANAGEMENT_PORT"
  log "rabbitmq: started (pid $(rabbit_pid))"
}

# Each service connects to RabbitMQ as a user of its own, cp-<service>, whose configure, write and
# read permissions on the virtual host are its lines in infra/broker-permissions; guest (loopback
# only) stays the operator's and the tests' administrator.
# The gateway has one too (issue 18): it asks the DSA registry which tenants are onboarded.
CP_BROKER_SERVICES=(consent dsa-registry disclosure audit gateway)
BROKER_PERMISSIONS="$CP_ROOT/infra/broker-permissions"
rabbit_user() { echo "cp-$1"; }
rabbit_password() { state_secret "rabbitmq-$1"; }

# broker_permission <service> <configure|write|read>: the regex, or nothing if the file has none.
broker_permission() {
  awk -v s="$1" -v k="$2" '$1 == s && $2 == k { print $3; exit }' "$BROKER_PERMISSIONS"
}

# json_text <text>: the text as a JSON string (the regexes hold backslashes).
json_text() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }

# rabbit_api <method> <path> [json]: the management API as guest; fails on any status but 2xx.
rabbit_api() {
  curl -fsS -o /dev/null -u guest:guest -X "$1" -H 'content-type: application/json' \
    ${3:+--data-binary "$3"} "http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/api/$2"
}

# rabbit_service_users: creates or updates every service's user and its permissions on vhost /.
rabbit_service_users() {
  wait_port 127.0.0.1 "$RABBITMQ_MANAGEMENT_PORT" 30 ||
    die "RabbitMQ management does not listen on 127.0.0.1:$RABBITMQ_MANAGEMENT_PORT: cannot give the services their users"
  local svc user kind pattern body
  for svc in "${CP_BROKER_SERVICES[@]}"; do
    user="$(rabbit_user "$svc")"
    body='{'
    for kind in configure write read; do
      pattern="$(broker_permission "$svc" "$kind")"
      [[ -n "$pattern" ]] || die "infra/broker-permissions has no $kind line for $svc"
      body+="\"$kind\":$(json_text "$pattern"),"
    done
    rabbit_api PUT "users/$user" "{\"password\":$(json_text "$(rabbit_password "$svc")"),\"tags\":\"\"}" ||
      die "cannot create the RabbitMQ user $user"
    rabbit_api PUT "permissions/%2F/$user" "${body%,}}" || die "cannot set the permissions of the RabbitMQ user $user"
  done
  log "rabbitmq: users ${CP_BROKER_SERVICES[*]/#/cp-} hold the permissions of infra/broker-permissions"
}

rabbit_down() {
  local pid
  pid="$(rabbit_pid)"
  if rabbit_alive; then
    log "rabbitmq: stopping (pid $pid)"
    stop_pid rabbitmq "$pid" TERM 60
    log "rabbitmq: stopped"
  else
    log "rabbitmq: not running"
  fi
  rm -f "$PID_DIR/rabbitmq.pid"
}

rabbit_status() {
  if rabbit_alive; then
    log "rabbitmq: running (pid $(rabbit_pid), node $RMQ_NODENAME, amqp 127.0.0.1:$RABBITMQ_PORT, management http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/)"
    return 0
  fi
  log "rabbitmq: stopped"
  return 1
}

epmd_status() {
  local pid
  pid="$(read_pid "$PID_DIR/epmd.pid")"
  if pid_matches "$pid" epmd; then
    log "epmd: running (pid $pid, started by infra/deps)"
  elif port_open 127.0.0.1 "$ERL_EPMD_PORT"; then
    log "epmd: running on 127.0.0.1:$ERL_EPMD_PORT (not started by infra/deps)"
  else
    log "epmd: stopped"
  fi
}

# ---------------------------------------------------------------------------------------------
# The build configuration infra/up builds and runs the AppHost (and so the apps) with.
# ---------------------------------------------------------------------------------------------
: "${CP_CONFIGURATION:=Release}"

# ---------------------------------------------------------------------------------------------
# The AppHost (infra/AppHost): what infra/up runs. It starts the apps (the one list of them, their
# ports and settings: infra/AppHost/PlatformApps.cs) through Aspire's orchestrator (dcp, from a
# NuGet package) and the Aspire dashboard; both run detached from it, so infra/down stops the
# AppHost and then waits for every process of its tree.
# ---------------------------------------------------------------------------------------------
APPHOST_PROJECT="$CP_ROOT/infra/AppHost/ConsentPlatform.AppHost.csproj"
apphost_out_dir() { printf '%s/infra/AppHost/bin/%s/net10.0\n' "$CP_ROOT" "$CP_CONFIGURATION"; }
apphost_pid() { read_pid "$PID_DIR/apphost.pid"; }
apphost_alive() { pid_matches "$(apphost_pid)" ConsentPlatform.AppHost.dll; }
DASHBOARD_URL="http://127.0.0.1:$DASHBOARD_PORT"

# descendants PID -> every process below PID (children first listed after their parent).
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# apphost_tree PID -> the AppHost's children and the orchestrator started for it (dcp runs
# detached, with `--monitor <AppHost pid>`), with all their descendants: the dashboard, the apps.
apphost_tree() {
  local apphost="$1" p cmdline
  descendants "$apphost"
  for p in /proc/[0-9]*; do
    cmdline="$({ tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null)" || continue
    if [[ "$cmdline" == *"/dcp start-apiserver"* && "$cmdline" == *"--monitor $apphost "* ]]; then
      echo "${p#/proc/}"
      descendants "${p#/proc/}"
    fi
  done
}

# apphost_down: SIGTERM to the AppHost (it asks dcp to stop the apps), then waits (≤ 60 s) until
# every process of its tree is gone; SIGKILL for what is left after that.
apphost_down() {
  local pid tree=() p left=() i
  pid="$(apphost_pid)"
  if ! apphost_alive; then
    [[ -n "$pid" ]] && log "apphost: not running (stale pid file removed)"
    rm -f "$PID_DIR/apphost.pid"
    return 0
  fi
  mapfile -t tree < <(apphost_tree "$pid")
  log "apphost: stopping (pid $pid, and ${#tree[@]} processes it started: orchestrator, dashboard, apps)"
  stop_pid apphost "$pid" TERM 30
  for ((i = 0; i < 600; i++)); do
    left=()
    for p in "${tree[@]}"; do
      if kill -0 "$p" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ]]; then left+=("$p"); fi
    done
    ((${#left[@]} == 0)) && break
    sleep 0.1
  done
  if ((${#left[@]})); then
    warn "apphost: ${#left[@]} of its processes still running after 60 s: sending SIGKILL (${left[*]})"
    kill -KILL "${left[@]}" 2>/dev/null || true
  fi
  rm -f "$PID_DIR/apphost.pid"
  log "apphost: stopped"
}

# ---------------------------------------------------------------------------------------------
# Browser tests (tests/Portal drive Debian's Chromium through Playwright; never `playwright install`)
# ---------------------------------------------------------------------------------------------
CP_CHROMIUM="${CP_CHROMIUM:-/usr/bin/chromium}"

# ensure_chromium: installs Debian's chromium with apt-get only when it is missing.
ensure_chromium() {
  [[ -x "$CP_CHROMIUM" ]] && return 0
  command -v apt-get >/dev/null 2>&1 || die "$CP_CHROMIUM is missing and there is no apt-get to install chromium"
  log "installing chromium for the browser tests (tests/Portal)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [[ -x "$CP_CHROMIUM" ]] || die "chromium still missing after apt-get install ($CP_CHROMIUM)"
}

# ensure_go_tlog: installs Debian's Go and golang.org/x/mod (sumdb/note, sumdb/tlog) with apt-get
# only when missing; the end-to-end suite verifies the audit ledger with them (issue 19).
CP_GO_TLOG="${CP_GO_TLOG:-/usr/share/gocode/src/golang.org/x/mod/sumdb/tlog}"
ensure_go_tlog() {
  [[ -x /usr/bin/go && -d "$CP_GO_TLOG" ]] && return 0
  command -v apt-get >/dev/null 2>&1 || die "go or golang.org/x/mod is missing and there is no apt-get to install them"
  log "installing golang-go and golang-golang-x-mod-dev for the ledger's independent check (tests/EndToEnd)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go golang-golang-x-mod-dev >/dev/null
  [[ -x /usr/bin/go && -d "$CP_GO_TLOG" ]] || die "go or golang.org/x/mod still missing after apt-get install"
}
