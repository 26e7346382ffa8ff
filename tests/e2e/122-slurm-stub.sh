# scripts/slurm-submit.sh against a stand-in sbatch that runs each job at
# once on this machine: the array and the dependent reconcile job are
# submitted as they should be, and the outputs are make pipeline's bytes.
# (make test-slurm runs the same on a real one-node Slurm cluster.)
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/bin"
cat >"$T/bin/sbatch" <<'STUB'
#!/bin/sh
# Stand-in sbatch: log the call, run the job now; array tasks one by one.
echo "sbatch $*" >>"$STUB_DIR/calls"
array= output=/dev/null dep= wait=
while [ $# -gt 0 ]; do
    case $1 in
    --array=*) array=${1#--array=} ;;
    --output=*) output=${1#--output=} ;;
    --dependency=afterok:*) dep=${1#--dependency=afterok:} ;;
    --wait) wait=1 ;;
    --*) ;;
    *) break ;;
    esac
    shift
done
id=$(($(cat "$STUB_DIR/next" 2>/dev/null || echo 100) + 1))
echo $id >"$STUB_DIR/next"
if [ -n "$dep" ] && [ -e "$STUB_DIR/failed.$dep" ]; then
    touch "$STUB_DIR/failed.$id"
    echo $id
    [ -z "$wait" ]
    exit
fi
range=${array%%%*}
for i in $(if [ -n "$array" ]; then seq "${range%-*}" "${range#*-}"; else echo 0; fi); do
    log=$(echo "$output" | sed "s/%a/$i/")
    SLURM_ARRAY_TASK_ID=$i sh "$@" >"$log" 2>&1 || touch "$STUB_DIR/failed.$id"
done
echo $id
[ -z "$wait" ] || [ ! -e "$STUB_DIR/failed.$id" ]
STUB
chmod +x "$T/bin/sbatch"
export STUB_DIR="$T" PATH="$T/bin:$PATH"
B=$(dirname "$BIN")
submit() { env -u MAKEFLAGS -u MAKELEVEL BUILD="$B" CONFIG="$CONFIG" sh "$TOP/scripts/slurm-submit.sh" "$@"; }

mkdir "$T/in"
cp "$TOP"/seeds/*.txt "$TOP/seeds/manifest.csv" "$T/in"
pipeline_make IN="$T/in" OUT="$T/ref" SHARDS=3

run submit -n 3 -p debug -t 10:00 "$T/in" "$T/res"
check_status "a waiting submission succeeds" 0
check "quietly" test ! -s "$T/err"
check_grep "the shards are one array, one task each" \
    "sbatch .*--partition=debug --time=10:00 .*--array=0-2 .*slurm-job.sh shard" "$T/calls"
check_grep "reconcile waits for the whole array" \
    "sbatch .*--wait .*--dependency=afterok:101 --kill-on-invalid-dep=yes.*slurm-job.sh reconcile" \
    "$T/calls"
for f in tokens.jsonl normalized.jsonl claims.csv conflicts.csv; do
    check "the same $f as make pipeline" cmp -s "$T/ref/$f" "$T/res/$f"
done
check "three shards" test -s "$T/res/shards/2/.inputs" -a ! -e "$T/res/shards/3"

run submit -N -n 3 -m 2 "$T/in" "$T/res2"
check_status "-N returns at once" 0
check "with the two job ids" test "$(cat "$T/out")" = "103 104"
check_grep "-m caps the tasks running at once" "array=0-2%2" "$T/calls"
check "and the jobs did the work" cmp -s "$T/ref/claims.csv" "$T/res2/claims.csv"

# A shard that fails: the run fails and shows the task's log.
cp -R "$CONFIG" "$T/config"
echo '{"no_such_key": 1}' >"$T/config/normalize.json"
run env -u MAKEFLAGS BUILD="$B" CONFIG="$T/config" sh "$TOP/scripts/slurm-submit.sh" -n 2 \
    "$T/in" "$T/res3"
check_status "a failed shard fails the run" 1
check_grep "naming the array job" "the run failed (array job 105)" "$T/err"
check_grep "with the task's log" "shard-0.log: normalize: .*normalize.json:1: key 'no_such_key'" \
    "$T/err"
check "no claims.csv" test ! -e "$T/res3/claims.csv"

run submit -n 0 "$T/in" "$T/res4"
check_status "-n 0 is misuse" 2
(flock "$T/res/.lock" sleep 3) &
sleep 0.5
run submit -n 3 "$T/in" "$T/res"
check_status "a locked OUT fails" 1
check_grep "and says why" "in use by another run" "$T/err"
wait
