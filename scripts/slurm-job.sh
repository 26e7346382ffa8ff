#!/bin/sh
# One Slurm job of scripts/slurm-submit.sh (which passes the arguments):
#
#   slurm-job.sh shard|reconcile TOP BUILD CONFIG IN OUT SHARDS [LOCKED [STRICT]]
#
# shard: make pipeline-shard SHARD=$SLURM_ARRAY_TASK_ID (that shard's
# tokenize, extract, normalize; nothing if it is up to date). reconcile:
# make pipeline-locked when the submitter holds OUT's lock (LOCKED=1), else
# make pipeline WAIT=1; the shards are then up to date and only the merge
# and reconcile run. Each stage runs as many threads as the task has CPUs
# (SLURM_CPUS_PER_TASK, else 1). Quiet on success; exit status of make.
set -eu
[ $# -ge 6 ] || { echo "usage: slurm-job.sh shard|reconcile TOP BUILD CONFIG IN OUT SHARDS" >&2; exit 2; }
mode=$1 top=$2 build=$3 config=$4 in=$5 out=$6 shards=$7 locked=${8:-} strict=${9:-}
# The submitter's make (make slurm) must not leak its jobserver into ours.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
set -- -s -C "$top" --no-print-directory NOBUILD=1 BUILD="$build" CONFIG="$config" \
    IN="$in" OUT="$out" SHARDS="$shards" STRICT="$strict" THREADS="${SLURM_CPUS_PER_TASK:-1}"
case $mode in
shard) exec make "$@" pipeline-shard SHARD="${SLURM_ARRAY_TASK_ID:?not in a job array}" ;;
reconcile)
    if [ -n "$locked" ]; then exec make "$@" pipeline-locked; fi
    exec make "$@" pipeline WAIT=1
    ;;
*) echo "slurm-job.sh: unknown job '$mode'" >&2; exit 2 ;;
esac
