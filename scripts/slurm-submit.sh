#!/bin/sh
# Run the pipeline on a Slurm cluster: one array task per shard (tokenize ->
# extract -> normalize for that shard), then reconcile as a job that starts
# when every task has succeeded (afterok). The repository (binaries,
# config), IN and OUT must be on a filesystem all nodes share; build first
# (make slurm does).
#
#   sh scripts/slurm-submit.sh [-N] [-n SHARDS] [-p PARTITION] [-t TIME]
#                              [-m MAX_RUNNING] [-a 'SBATCH ARGS'] IN OUT
#
#   -n SHARDS     array size: one task per shard (default 4, or $SHARDS)
#   -p PARTITION  sbatch --partition
#   -t TIME       sbatch --time for each task and for reconcile (e.g. 1:00:00)
#   -m N          at most N array tasks at once (--array=0-K%N)
#   -a ARGS       more sbatch arguments, e.g. '--account=x --mem=4G'
#   -N            do not wait: print "ARRAY_JOB RECONCILE_JOB" and return
#
# By default it waits for the reconcile job and holds OUT's lock meanwhile,
# as make pipeline does; it is then quiet on success and exits 0, and on
# failure prints the failed jobs' logs (OUT/slurm/*.log) and exits 1. With
# -N the reconcile job takes the lock itself (make pipeline WAIT=1).
# Environment: BUILD (default build), CONFIG (default config), STRICT,
# SBATCH (default sbatch).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
usage() {
    [ "${1:-2}" -eq 0 ] && exec 2>&1
    sed -n "/^#   sh scripts/,/^#   -N/p" "$0" | sed "s/^# \{0,1\}//" >&2
    exit "${1:-2}"
}
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }

shards=${SHARDS:-4} partition= time= maxrun= extra= wait=1
while getopts Nn:p:t:m:a:h opt; do
    case $opt in
    N) wait= ;;
    n) shards=$OPTARG ;;
    p) partition=$OPTARG ;;
    t) time=$OPTARG ;;
    m) maxrun=$OPTARG ;;
    a) extra=$OPTARG ;;
    h) usage 0 ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
case $shards in '' | *[!0-9]* | 0) echo "slurm: -n '$shards': not a whole number from 1" >&2; exit 2 ;; esac
case $maxrun in *[!0-9]*) echo "slurm: -m '$maxrun': not a whole number" >&2; exit 2 ;; esac
in=$(abs "$1") out=$(abs "$2")
build=$(abs "${BUILD:-build}") config=$(abs "${CONFIG:-config}")
sbatch=${SBATCH:-sbatch}
command -v "$sbatch" >/dev/null 2>&1 || {
    echo "slurm: no '$sbatch' here (a Slurm client: sudo sh scripts/deps.sh --slurm)" >&2
    exit 2
}
mkdir -p "$out/slurm"

# Waiting: hold OUT's lock for the whole run (the jobs then run unlocked).
locked=
if [ -n "$wait" ]; then
    exec 9>>"$out/.lock"
    if ! flock -n 9; then
        echo "slurm: $out is in use by another run" >&2
        exit 1
    fi
    locked=1
fi

# sbatch --parsable prints "JOBID" or "JOBID;CLUSTER".
submit() {
    id=$("$sbatch" --parsable --chdir="$top" ${partition:+--partition="$partition"} \
        ${time:+--time="$time"} $extra "$@") || exit 1
    echo "${id%%;*}"
}
job=$top/scripts/slurm-job.sh
args="$top $build $config $in $out $shards"
rm -f "$out"/slurm/*.log
# shellcheck disable=SC2086
array=$(submit --job-name=claimrec-shards --array="0-$((shards - 1))${maxrun:+%$maxrun}" \
    --output="$out/slurm/shard-%a.log" "$job" shard $args "$locked" "${STRICT:-}")
# shellcheck disable=SC2086
if [ -z "$wait" ]; then
    rec=$(submit --job-name=claimrec-reconcile --dependency="afterok:$array" \
        --kill-on-invalid-dep=yes --output="$out/slurm/reconcile.log" "$job" reconcile $args \
        "$locked" "${STRICT:-}")
    echo "$array $rec"
    exit 0
fi
# shellcheck disable=SC2086
if "$sbatch" --parsable --wait --chdir="$top" ${partition:+--partition="$partition"} \
    ${time:+--time="$time"} $extra --job-name=claimrec-reconcile \
    --dependency="afterok:$array" --kill-on-invalid-dep=yes \
    --output="$out/slurm/reconcile.log" "$job" reconcile $args "$locked" "${STRICT:-}" \
    >/dev/null; then
    exit 0
fi
echo "slurm: the run failed (array job $array); logs in $out/slurm/" >&2
for f in "$out"/slurm/*.log; do
    [ -s "$f" ] && sed "s|^|${f##*/}: |" "$f" >&2
done
exit 1
