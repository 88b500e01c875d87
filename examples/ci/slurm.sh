#!/usr/bin/env bash
# lemsbridge's validation suite as a SLURM array job (one task per shard), then a merge job that runs after them.
#
#   examples/ci/slurm.sh submit          # sbatch the array of $SHARDS tasks and the merge (afterany) job
#   examples/ci/slurm.sh local           # no SLURM: run every array task here, one after another, then the merge
#   examples/ci/slurm.sh shard K         # one array task (what sbatch runs, K = $SLURM_ARRAY_TASK_ID)
#   examples/ci/slurm.sh merge           # the merge job
#
# Settings (environment): SUITE (examples/suite.yaml), SHARDS (4), OUT (lemsbridge-slurm: OUT/shard-K, OUT/report),
# LEMSBRIDGE (the launcher, ./lemsbridge), SBATCH_OPTIONS (extra sbatch options: partition, account, time, ...).
# Run from the checkout. Build the jar first (./lemsbridge --version) so the array tasks do not all build it.
#SBATCH --job-name=lemsbridge-suite
#SBATCH --cpus-per-task=2
set -euo pipefail
SUITE="${SUITE:-examples/suite.yaml}"
SHARDS="${SHARDS:-4}"
OUT="${OUT:-lemsbridge-slurm}"
LEMSBRIDGE="${LEMSBRIDGE:-./lemsbridge}"
script="${BASH_SOURCE[0]}"

run_shard() {      # one array task: shard $1 of $SHARDS; a failed verdict (exit 1) still leaves its report
    local k="$1" code=0
    "$LEMSBRIDGE" check "$SUITE" --shard "$k/$SHARDS" --jobs "${SLURM_CPUS_PER_TASK:-2}" --report "$OUT/shard-$k" \
        || code=$?
    [ "$code" -le 2 ] || exit "$code"
}

run_merge() {
    local reports=() k
    for k in $(seq 1 "$SHARDS"); do reports+=("$OUT/shard-$k"); done
    "$LEMSBRIDGE" merge "${reports[@]}" -o "$OUT/report" --junit "$OUT/junit.xml"
}

case "${1:-}" in
    submit)
        # shellcheck disable=SC2086
        array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --array="1-$SHARDS" --export=ALL "$script" shard)
        # shellcheck disable=SC2086
        sbatch --parsable ${SBATCH_OPTIONS:-} --dependency="afterany:${array%%;*}" --export=ALL "$script" merge
        ;;
    shard)
        run_shard "${2:-${SLURM_ARRAY_TASK_ID:?shard K, or run as an array task}}"
        ;;
    merge)
        run_merge
        ;;
    local)
        for k in $(seq 1 "$SHARDS"); do run_shard "$k"; done
        run_merge
        ;;
    *)
        sed -n '2,10p' "$script" >&2
        exit 2
        ;;
esac
