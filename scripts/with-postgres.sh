#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: installs PostgreSQL from Debian's packages when
# it is missing, creates a cluster in a temporary directory, starts it on 127.0.0.1 at a free port,
# runs the command with SUPPORTOPS_PG (a connection string) and SUPPORTOPS_REQUIRE_PG=1 (a skipped
# Postgres test then fails), and stops the server and removes the directory on exit, whatever happens.
#
#   bash scripts/with-postgres.sh pnpm vitest run packages/sla packages/metrics
set -euo pipefail
cd "$(dirname "$0")/.."

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "with-postgres: PostgreSQL is not installed; installing it from Debian's packages"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# initdb refuses to run as root: as root the cluster belongs to the `postgres` user (which Debian's
# package creates); anyone else runs it as themselves.
as_owner=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/postgresql postgres
  as_owner=(runuser -u postgres --)
fi

dir="$(mktemp -d)"
[ "${#as_owner[@]}" -eq 0 ] || chown postgres "$dir"
port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log"; exit 1; }
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null \
  || { cat "$dir/server.log"; exit 1; }
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export SUPPORTOPS_PG="postgres://postgres@127.0.0.1:$port/postgres"
export SUPPORTOPS_REQUIRE_PG=1
"$@"
