# make test-slurm: start a one-node Slurm cluster on loopback (munged,
# slurmctld, slurmd, all in a temp folder, as root), run the pipeline
# through scripts/slurm-submit.sh on the seeds and on a generated corpus,
# and check the outputs are make pipeline's bytes. Stops what it started.
# Needs slurm-wlm and munge (sh scripts/deps.sh --slurm).
. "$TOP/tests/e2e/lib.sh"

for c in munged slurmctld slurmd sbatch squeue sinfo; do
    command -v $c >/dev/null 2>&1 || {
        echo "not ok - $c is missing (install with: sudo sh scripts/deps.sh --slurm)"
        exit 1
    }
done
[ "$(id -u)" -eq 0 ] || { echo "not ok - slurmd must run as root here"; exit 1; }

S=$T/slurm
mkdir -p "$S/munge" "$S/run" "$S/state" "$S/spool" "$S/log"
chmod 700 "$S/munge"
stop() {
    for p in slurmd slurmctld munged; do
        [ -s "$S/run/$p.pid" ] && kill "$(cat "$S/run/$p.pid")" 2>/dev/null
    done
    sleep 1
    rm -rf "$T"
}
trap stop EXIT

dd if=/dev/urandom of="$S/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 600 "$S/munge/munge.key"
munged -f -S "$S/run/munge.sock" --key-file="$S/munge/munge.key" --pid-file="$S/run/munged.pid" \
    --log-file="$S/log/munged.log" --seed-file="$S/munge/seed"
check "munged starts" test -S "$S/run/munge.sock"

port=$((20000 + ($$ % 10000) * 2))
mem=$(awk '/^MemTotal/ { print int($2 / 1024 / 2) }' /proc/meminfo)
cat >"$S/slurm.conf" <<CONF
ClusterName=claimrectest
SlurmctldHost=localhost
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$S/run/munge.sock
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/run/slurmctld.pid
SlurmdPidFile=$S/run/slurmd.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$S/slurm.conf"
slurmctld -D -f "$SLURM_CONF" >"$S/log/slurmctld.out" 2>&1 &
sleep 1
slurmd -D -N localhost -f "$SLURM_CONF" >"$S/log/slurmd.out" 2>&1 &
up=
for _ in $(seq 60); do
    sinfo -h -o %T 2>/dev/null | grep -q idle && { up=1; break; }
    sleep 0.5
done
if [ -z "$up" ]; then
    fail "the cluster comes up" "$S/log/slurmctld.log" "$S/log/slurmd.log"
    exit 1
fi
pass "the cluster comes up"

B=$(dirname "$BIN")
submit() {
    env -u MAKEFLAGS -u MAKELEVEL BUILD="$B" CONFIG="$CONFIG" sh "$TOP/scripts/slurm-submit.sh" "$@"
}
# same NAME REF RES: the outputs make pipeline and Slurm wrote.
same() {
    for f in claims.csv conflicts.csv normalized.jsonl tokens.jsonl; do
        check "$1: the same $f as make pipeline" cmp -s "$2/$f" "$3/$f"
    done
}

pipeline_make IN="$TOP/seeds" OUT="$T/ref" SHARDS=3
run submit -n 3 -p debug -t 10 "$TOP/seeds" "$T/res"
check_status "seeds through Slurm (waiting)" 0
check "quietly" test ! -s "$T/err"
same seeds "$T/ref" "$T/res"

"$B/bin/gencorpus" "$TOP/seeds" "$T/gen" 2 >/dev/null
pipeline_make IN="$T/gen" OUT="$T/gref" SHARDS=4
run submit -N -n 4 "$T/gen" "$T/gres"
check_status "a generated corpus through Slurm (not waiting)" 0
ids=$(cat "$T/out")
check "prints the array and reconcile job ids" test "$(echo "$ids" | wc -w)" -eq 2
for _ in $(seq 600); do
    [ -z "$(squeue -h -j "$(echo "$ids" | tr ' ' ,)" 2>/dev/null)" ] && break
    sleep 0.5
done
check "the jobs have finished" test -z "$(squeue -h 2>/dev/null)"
same generated "$T/gref" "$T/gres"

# A second run over the unchanged corpus: nothing to redo in any task.
touch "$T/mark"
run submit -n 4 "$T/gen" "$T/gres"
check_status "a second run" 0
check "redoes no shard" test -z "$(find "$T/gres/shards" -newer "$T/mark" -name '*.jsonl')"
