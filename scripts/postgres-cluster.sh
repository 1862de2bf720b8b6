#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (and CI): everything lives in one folder.
#   scripts/postgres-cluster.sh start DIR   creates the cluster on first use (initdb, a random password,
#                                           a free port on 127.0.0.1), starts it, and prints its admin
#                                           connection string (Npgsql form) on standard output
#   scripts/postgres-cluster.sh stop DIR    stops it (fast: open sessions are cut)
# initdb and the server refuse to run as root: as root they run as the `postgres` user.
# The binaries: $PG_BIN, else pg_config's, else the newest /usr/lib/postgresql/*/bin.
set -euo pipefail

command=${1:?usage: postgres-cluster.sh start|stop DIR}
dir=${2:?usage: postgres-cluster.sh start|stop DIR}

bin=${PG_BIN:-}
if [ -z "$bin" ] && command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bin=$(pg_config --bindir)
fi
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-cluster.sh: no PostgreSQL server binaries (install postgresql, or set PG_BIN)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "postgres-cluster.sh: no free port found" >&2
  return 1
}

case "$command" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
      password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
      echo "$password" > "$dir/password"
      [ "$(id -u)" -eq 0 ] && chown postgres "$dir/password"
      chmod 600 "$dir/password"
      as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A scram-sha-256 --pwfile='$dir/password' -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
        || as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A scram-sha-256 --pwfile='$dir/password' -E UTF8 --locale=C" >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
      free_port > "$dir/port"
    fi
    port=$(cat "$dir/port")
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on\" start" >/dev/null \
      || { tail -20 "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$(cat "$dir/password");Database=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null
    fi
    ;;
  *)
    echo "usage: postgres-cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
