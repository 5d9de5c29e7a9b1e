#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A throwaway PostgreSQL + PostGIS server for the PostGIS tests (issue #14).
#
#   scripts/pg_test_cluster.sh start DIR [PORT]   initdb in DIR, start on a Unix socket in DIR (no TCP),
#                                                 create database safermap_test with PostGIS
#   scripts/pg_test_cluster.sh stop DIR [PORT]    stop the server (whatever state it is in) and remove DIR
#
# The tests connect with "PG:host=DIR port=PORT dbname=safermap_test user=postgres" (PORT: 5499).
# ctest runs `start` and `stop` as the fixture `postgis` (tests/CMakeLists.txt); `stop` always
# removes DIR, and `start` first clears what a killed run left there.
# As root, the server runs as the `postgres` user (initdb refuses root); otherwise as the caller.
# Durability is off (fsync, synchronous_commit): the data lives only as long as the tests.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR [PORT]" >&2
  exit 2
}
[[ $# -ge 2 ]] || usage
action="$1"
dir="$2"
port="${3:-5499}"
[[ "$dir" == /* ]] || { echo "pg_test_cluster: DIR must be an absolute path (got '$dir')" >&2; exit 2; }
# The socket's path must fit in sockaddr_un (107 bytes).
if (( ${#dir} + 20 > 107 )); then
  echo "pg_test_cluster: $dir is too long for a Unix socket path" >&2
  exit 2
fi

bin=""
for candidate in "${PG_BINDIR:-}" /usr/lib/postgresql/15/bin "$(command -v pg_config >/dev/null 2>&1 && pg_config --bindir || true)"; do
  if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then
    bin="$candidate"
    break
  fi
done

as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  local data="$dir/data"
  if [[ -n "$bin" && -f "$data/postmaster.pid" ]]; then
    as_server_user "$bin/pg_ctl" -D "$data" -m immediate -w -t 30 stop > /dev/null 2>&1 || true
  fi
  # pg_ctl could not stop it (a broken data folder): the postmaster's own pid, from its pid file.
  if [[ -f "$data/postmaster.pid" ]]; then
    local pid
    pid=$(head -1 "$data/postmaster.pid" 2> /dev/null || true)
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2> /dev/null; then
      kill -QUIT "$pid" 2> /dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$dir"
}

case "$action" in
  start)
    if [[ -z "$bin" ]]; then
      echo "pg_test_cluster: PostgreSQL server binaries not found (install postgresql-15 and postgresql-15-postgis-3:" \
           "bash scripts/install-deps.sh)" >&2
      exit 1
    fi
    stop_cluster
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then
      getent passwd postgres > /dev/null || { echo "pg_test_cluster: no 'postgres' user (install postgresql-15)" >&2; exit 1; }
      chown postgres: "$dir"
      if ! runuser -u postgres -- test -w "$dir"; then
        echo "pg_test_cluster: the postgres user cannot reach $dir (a parent folder is closed to it); choose another" \
             "folder, e.g. cmake -DSAFERMAP_PG_DIR=/tmp/safermap-pg" >&2
        rm -rf "$dir"
        exit 1
      fi
    fi
    chmod 700 "$dir"
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 ||
      { echo "pg_test_cluster: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1; }
    # The server outlives this script: it must not inherit our open files beyond stdio (a
    # caller's `flock LOCK ctest` lock would otherwise stay held until the server stops).
    for fd in /proc/$$/fd/*; do
      fd="${fd##*/}"
      (( fd > 2 )) && eval "exec $fd>&-" 2> /dev/null || true
    done
    if ! as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start > /dev/null; then
      echo "pg_test_cluster: the server did not start:" >&2
      cat "$dir/server.log" >&2
      exit 1
    fi
    psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres)
    as_server_user "${psql[@]}" -d postgres -c "CREATE DATABASE safermap_test"
    as_server_user "${psql[@]}" -d safermap_test -c "CREATE EXTENSION postgis" ||
      { echo "pg_test_cluster: CREATE EXTENSION postgis failed (install postgresql-15-postgis-3)" >&2; exit 1; }
    # The tests run as the caller and reach the socket in DIR.
    chmod 755 "$dir"
    echo "pg_test_cluster: PostGIS server ready: PG:host=$dir port=$port dbname=safermap_test user=postgres"
    ;;
  stop)
    stop_cluster
    echo "pg_test_cluster: stopped and removed $dir"
    ;;
  *)
    usage
    ;;
esac
