# tests/pg_server.sh -- sourced by tests/pg.sh, tests/slurm.sh and
# bench/pg.sh: a throwaway PostgreSQL server in a temporary directory,
# listening only on a Unix socket there (no TCP port, so it never clashes
# with another server on the machine).
#
#   pg_start DIR    initdb in DIR/data, start; sets PGURL (database "dyad")
#   pg_stop         stops it (call from an EXIT trap)
#   pg_psql SQL     runs SQL in the database, unaligned, tuples only
#
# As root the server runs as the "postgres" user (PostgreSQL refuses to
# run as root).  pg_start returns 1 with the reason on stderr.

pg_bin=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do pg_bin=$d; done
pg_dir=""
PGURL=""

pg_as() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
        echo "pg_start: PostgreSQL's server programs are missing (apt-get install postgresql)" >&2
        return 1
    fi
    pg_dir=$1
    mkdir -p "$pg_dir"
    # the server's user must reach its directory through the caller's
    # (a mktemp directory is private)
    [ "$(id -u)" -eq 0 ] && { chown postgres "$pg_dir"; chmod a+x "$(dirname "$pg_dir")"; }
    pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$pg_dir/initdb.log" 2>&1 || { echo "pg_start: initdb failed:" >&2; tail -n 5 "$pg_dir/initdb.log" >&2; return 1; }
    # fsync stays on: the kill -9 tests and the benchmark measure a real
    # server's commits
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
        -o "-p 5432 -k $pg_dir -c listen_addresses='' -c max_connections=50" >/dev/null 2>&1 ||
        { echo "pg_start: the server did not start:" >&2; tail -n 5 "$pg_dir/server.log" >&2; return 1; }
    pg_as "$pg_bin/createdb" -h "$pg_dir" -p 5432 -U postgres dyad ||
        { echo "pg_start: createdb failed" >&2; return 1; }
    PGURL="postgresql:///dyad?host=$pg_dir&port=5432&user=postgres"
    export PGURL
}

pg_stop() {
    [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ] &&
        pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
    return 0
}

pg_psql() {
    psql -X -q -A -t -v ON_ERROR_STOP=1 "$PGURL" -c "$1"
}
