#!/bin/sh
# examples/parallel/ingest.sh -- one `dyad ingest` per input file with GNU
# parallel, on this machine or over ssh, into one shared PostgreSQL store.
#
#   export DYAD_DB='postgresql://dyad@dbhost/news'
#   sh examples/parallel/ingest.sh -j 8 shards/*.txt               # here, 8 at a time
#   sh examples/parallel/ingest.sh -S 4/node1,4/node2 shards/*.txt  # over ssh, 4 per node
#
# The job log (ingest.joblog, or $JOBLOG) lets a failed or killed run be
# finished: the same command again reruns only the failed files
# (--resume-failed), and within a file the store skips what was
# committed.  See examples/parallel/README.md.
set -eu
jobs=""
logins=""
while getopts "j:S:" o; do
    case $o in
    j) jobs=$OPTARG ;;
    S) logins=$OPTARG ;;
    *) echo "usage: ingest.sh [-j N] [-S SSHLOGINS] FILE..." >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: ingest.sh [-j N] [-S SSHLOGINS] FILE..." >&2; exit 2; }
: "${DYAD_DB:?set DYAD_DB to the store, e.g. postgresql://user@host/db}"
dyad=${DYAD:-dyad}
log=${JOBLOG:-ingest.joblog}
# -q: the store's URL (with ? and &) reaches dyad as one word, here and
# through ssh.  Over ssh the files must be where the remote sees them (a
# shared file system), or add --transferfile {} to send each one.  The
# files come on standard input, one a line.
printf '%s\n' "$@" |
    parallel -q ${jobs:+-j "$jobs"} ${logins:+--sshlogin "$logins"} --joblog "$log" --resume-failed --tag \
        "$dyad" ingest -q --db "$DYAD_DB" {}
