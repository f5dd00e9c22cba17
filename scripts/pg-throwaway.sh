#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the store's conformance
# suite. `source scripts/pg-throwaway.sh start` installs Debian's
# postgresql when no server binaries are found, runs initdb into a temp
# directory (as the `postgres` user when running as root), starts it on a
# free port and exports SILKWAY_TEST_POSTGRES_URL; `pg_throwaway_stop`
# stops it and removes the directory. Fails loudly: no silent skip.

pg_throwaway_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

pg_throwaway_start() {
  local bindir port dir runas
  if ! bindir=$(pg_throwaway_bindir); then
    echo "PostgreSQL server not found: installing Debian's postgresql"
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bindir=$(pg_throwaway_bindir) || { echo "error: postgresql installed but no initdb found" >&2; return 1; }
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  dir=$(mktemp -d /tmp/silkway-pg.XXXXXX)
  runas=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"
    runas=(runuser -u postgres --)
  fi
  "${runas[@]}" "$bindir/initdb" -D "$dir/data" -U silkway --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  export PG_THROWAWAY_DIR="$dir" PG_THROWAWAY_BINDIR="$bindir"
  export SILKWAY_TEST_POSTGRES_URL="postgres://silkway@127.0.0.1:$port/postgres"
  echo "PostgreSQL ($bindir) on 127.0.0.1:$port"
}

pg_throwaway_stop() {
  [ -n "${PG_THROWAWAY_DIR:-}" ] || return 0
  local runas=()
  [ "$(id -u)" = 0 ] && runas=(runuser -u postgres --)
  "${runas[@]}" "$PG_THROWAWAY_BINDIR/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_THROWAWAY_DIR"
  unset PG_THROWAWAY_DIR SILKWAY_TEST_POSTGRES_URL
}

if [ "${1:-}" = start ]; then pg_throwaway_start; fi
