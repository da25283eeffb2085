#!/bin/sh
# tests/slurm.sh DYAD -- examples/slurm/ingest.sbatch as a real Slurm array
# job: a single-node cluster on this machine (munged, slurmctld and slurmd
# with a test-local key, config, ports and spool directory), a throwaway
# PostgreSQL server (tests/pg_server.sh), 4 tasks over 4 shards of the
# corpus, and the exact event count of one SQLite writer on the same
# input.  Then examples/parallel/ingest.sh (GNU parallel, local jobs) into
# the same kind of store.  Everything started is stopped at exit.  Ends
# "N passed, N failed".
#
# Slurm runs its daemons as root here (SlurmUser=root): run as root.
# Without the programs, or not as root, the Slurm part is skipped --
# except under CI (CI=true), where that is a failure.
set -u
dyad=$(cd "$(dirname "${1:-build/dyad}")" && pwd)/$(basename "${1:-build/dyad}")
shared=${DYAD_SHARED:-../shared}
passed=0
failed=0
tmp=$(mktemp -d)
. tests/pg_server.sh
conf=$tmp/slurm/slurm.conf
stop_all() {
    if [ -f "$conf" ]; then
        SLURM_CONF=$conf scancel --quiet --user=root >/dev/null 2>&1
        for p in slurmd slurmctld; do
            [ -f "$tmp/slurm/$p.pid" ] && kill "$(cat "$tmp/slurm/$p.pid")" 2>/dev/null
        done
        sleep 1
        for p in slurmd slurmctld; do
            [ -f "$tmp/slurm/$p.pid" ] && kill -9 "$(cat "$tmp/slurm/$p.pid")" 2>/dev/null
        done
    fi
    [ -S "$tmp/munge/munge.socket" ] && munged --stop --socket="$tmp/munge/munge.socket" >/dev/null 2>&1
    pg_stop
    rm -rf "$tmp"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

ok() { passed=$((passed + 1)); }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; }
check() {
    if [ "$2" = "$3" ]; then ok; else not_ok "$1: got '$2', expected '$3'"; fi
}
missing() {
    if [ "${CI:-}" = true ]; then not_ok "$1 (a failure under CI)"; else echo "slurm: skipped: $1"; fi
}

pg_start "$tmp/pg" 2>"$tmp/pg.err" || { missing "PostgreSQL did not start: $(cat "$tmp/pg.err")"; echo "$passed passed, $failed failed"; exit "$failed"; }
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$1" -c "$2"; }
db_url() {
    psql -X -q "$PGURL" -c "CREATE DATABASE $1" >/dev/null 2>&1
    echo "postgresql:///$1?host=$pg_dir&port=5432&user=postgres"
}

# The corpus, its 4 shards and what one SQLite writer makes of it.
sh "$shared/bench/replicate" 40 >"$tmp/corpus.txt"
sh tools/shard.sh 4 "$tmp/shards" "$tmp/corpus.txt"
ls "$tmp"/shards/shard-*.txt >"$tmp/files.txt"
"$dyad" ingest -q --db "$tmp/one.db" "$tmp/corpus.txt" 2>/dev/null
want=$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM events")
want_docs=$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM documents")

# --- Slurm ------------------------------------------------------------------
slurm_up() {
    for p in munged mungekey slurmctld slurmd sbatch scontrol; do
        command -v $p >/dev/null || { echo "$p missing (apt-get install slurm-wlm munge)"; return 1; }
    done
    [ "$(id -u)" -eq 0 ] || { echo "not root (the test's slurmd runs jobs as their user and needs root)"; return 1; }
    mkdir -p "$tmp/munge" "$tmp/slurm/state" "$tmp/slurm/spool" "$tmp/slurm/logs"
    chmod 700 "$tmp/munge"
    mungekey --create --keyfile="$tmp/munge/munge.key" >/dev/null 2>&1 ||
        { dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 2>/dev/null; }
    chmod 600 "$tmp/munge/munge.key"
    munged --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.socket" \
        --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge/munged.log" \
        --seed-file="$tmp/munge/munged.seed" >"$tmp/munge/start.log" 2>&1 ||
        { echo "munged did not start: $(tail -n 3 "$tmp/munge/start.log" "$tmp/munge/munged.log" 2>/dev/null)"; return 1; }
    # ports of our own, away from a real cluster's 6817/6818
    base=$((20000 + $$ % 20000))
    host=$(hostname -s)
    cat >"$conf" <<EOF
ClusterName=dyadtest
SlurmctldHost=$host
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.socket
StateSaveLocation=$tmp/slurm/state
SlurmdSpoolDir=$tmp/slurm/spool
SlurmctldPidFile=$tmp/slurm/slurmctld.pid
SlurmdPidFile=$tmp/slurm/slurmd.pid
SlurmctldLogFile=$tmp/slurm/slurmctld.log
SlurmdLogFile=$tmp/slurm/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
PlugStackConfig=/dev/null
NodeName=dyadnode NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=dyadnode Default=YES MaxTime=INFINITE State=UP
EOF
    export SLURM_CONF="$conf"
    slurmctld -f "$conf" >"$tmp/slurm/ctld.start" 2>&1 ||
        { echo "slurmctld did not start: $(tail -n 5 "$tmp/slurm/ctld.start" "$tmp/slurm/slurmctld.log" 2>/dev/null)"; return 1; }
    slurmd -f "$conf" -N dyadnode >"$tmp/slurm/d.start" 2>&1 ||
        { echo "slurmd did not start: $(tail -n 5 "$tmp/slurm/d.start" "$tmp/slurm/slurmd.log" 2>/dev/null)"; return 1; }
    i=0
    while [ $i -lt 60 ]; do
        state=$(scontrol show node dyadnode 2>/dev/null | sed -nE 's/.*State=([A-Z+_]+).*/\1/p' | head -n 1)
        case $state in IDLE*) return 0 ;; esac
        sleep 0.5
        i=$((i + 1))
    done
    echo "the node did not come up (state '$state'): $(tail -n 5 "$tmp/slurm/slurmd.log" "$tmp/slurm/slurmctld.log" 2>/dev/null)"
    return 1
}

if why=$(slurm_up); then
    ok
    S=$(db_url slurm)
    # --wait: sbatch returns when the array is done, with the highest exit
    # status of its tasks
    SLURM_CONF=$conf sbatch --wait --quiet --array=1-4 --chdir="$tmp" --output="$tmp/slurm/logs/task-%a.log" \
        --export=ALL,DYAD_DB="$S",DYAD="$dyad" examples/slurm/ingest.sbatch "$tmp/files.txt" >"$tmp/sbatch.out" 2>&1
    st=$?
    check "Slurm array job of 4 tasks: exit status" "$st" 0
    [ $st -ne 0 ] && { cat "$tmp/sbatch.out"; tail -n 5 "$tmp"/slurm/logs/task-*.log "$tmp/slurm/slurmd.log" 2>/dev/null; }
    check "Slurm: 4 tasks ran, one shard each" "$(cat "$tmp"/slurm/logs/task-*.log 2>/dev/null | grep -c '^task [1-4] on ')" 4
    check "Slurm: 4 runs recorded, all ended" "$(q "$S" "SELECT count(*) FROM runs WHERE ended IS NOT NULL")" 4
    check "Slurm: exact event count" "$(q "$S" "SELECT count(*) FROM events")" "$want"
    check "Slurm: exact document count" "$(q "$S" "SELECT count(*) FROM documents")" "$want_docs"
    check "Slurm: no event twice" "$(q "$S" "SELECT count(*) - count(DISTINCT (doc, eid)) FROM events")" 0
    # a task run again (as after a failure) changes nothing
    SLURM_CONF=$conf sbatch --wait --quiet --array=2 --chdir="$tmp" --output="$tmp/slurm/logs/again-%a.log" \
        --export=ALL,DYAD_DB="$S",DYAD="$dyad" examples/slurm/ingest.sbatch "$tmp/files.txt" >/dev/null 2>&1
    check "Slurm: a task run again: exit status" "$?" 0
    check "Slurm: ... and the count is the same" "$(q "$S" "SELECT count(*) FROM events")" "$want"
else
    missing "Slurm did not come up: $why"
fi

# --- GNU parallel ---------------------------------------------------------------
if command -v parallel >/dev/null; then
    P=$(db_url parallel)
    JOBLOG=$tmp/joblog DYAD=$dyad DYAD_DB=$P sh examples/parallel/ingest.sh -j 4 "$tmp"/shards/shard-*.txt >"$tmp/par.out" 2>&1
    check "GNU parallel, 4 jobs: exit status" "$?" 0
    check "GNU parallel: exact event count" "$(q "$P" "SELECT count(*) FROM events")" "$want"
    check "GNU parallel: exact document count" "$(q "$P" "SELECT count(*) FROM documents")" "$want_docs"
    check "GNU parallel: 4 runs recorded" "$(q "$P" "SELECT count(*) FROM runs WHERE ended IS NOT NULL")" 4
    # the --sshlogin path; ":" is parallel's name for this machine without
    # ssh (no sshd here), 2 jobs at a time
    P2=$(db_url parallel_ssh)
    JOBLOG=$tmp/joblog2 DYAD=$dyad DYAD_DB=$P2 sh examples/parallel/ingest.sh -S 2/: "$tmp"/shards/shard-*.txt >"$tmp/par2.out" 2>&1
    check "GNU parallel --sshlogin 2/:: exit status" "$?" 0
    check "GNU parallel --sshlogin: exact event count" "$(q "$P2" "SELECT count(*) FROM events")" "$want"
    # a finished job log: the same command again runs nothing
    JOBLOG=$tmp/joblog DYAD=$dyad DYAD_DB=$P sh examples/parallel/ingest.sh -j 4 "$tmp"/shards/shard-*.txt >"$tmp/par.out" 2>&1
    check "GNU parallel again with its job log: nothing rerun" "$(q "$P" "SELECT count(*) FROM runs")" 4
else
    missing "GNU parallel missing (apt-get install parallel)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
