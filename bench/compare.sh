#!/usr/bin/env bash
# Runs the real command over a batch with the code at REF and with the working tree, in turn:
# on a shared machine whose speed drifts, only runs taken in turn compare two versions fairly.
#
# usage: bench/compare.sh REF LETTERS_DIR [RUNS] [json|jsonl]
#   REF          a commit to compare with (built in a temporary worktree)
#   LETTERS_DIR  e.g. a corpus from `dotnet <bench dll> corpus --out DIR`
# Output goes under $OUT_ROOT (default /dev/shm when present), so the disk does not decide.
set -euo pipefail
ref=$1
letters=$(cd "$2" && pwd)
runs=${3:-5}
format=${4:-json}
root=$(cd "$(dirname "$0")/.." && pwd)
out_root=${OUT_ROOT:-$([ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
work=$(mktemp -d)
output=$(mktemp -d "$out_root/rulesengine-compare.XXXXXX")
cleanup() {
  git -C "$root" worktree remove --force "$work/ref" >/dev/null 2>&1 || true
  rm -rf "$work" "$output"
}
trap cleanup EXIT

git -C "$root" worktree add --detach "$work/ref" "$ref" >/dev/null 2>&1
# A first `./rulesengine` call publishes the native tool; its own run is not timed.
(cd "$work/ref" && ./rulesengine run seeds --out "$work/warm-ref" >/dev/null 2>&1)
(cd "$root" && ./rulesengine run seeds --out "$work/warm-cur" >/dev/null 2>&1)
for dir in "$work/ref" "$root"; do
  # The script falls back to slower builds where the native one fails: say so, or the comparison misleads.
  [ -x "$dir/src/RulesEngine.Cli/bin/published/rulesengine" ] || { echo "no native tool was published in $dir" >&2; exit 1; }
done

export DOTNET_GCgen0size="${DOTNET_GCgen0size:-2000000}"
args=(--jobs 2)
[ "$format" = jsonl ] && args+=(--format jsonl)
# The order within a pair alternates, so neither side always runs on a machine the other warmed.
for run in $(seq "$runs"); do
  sides="ref current"
  [ $((run % 2)) = 0 ] && sides="current ref"
  for side in $sides; do
    dir=$root
    [ "$side" = ref ] && dir=$work/ref
    rm -rf "$output/out"
    # Each side with its own rule pack, so an older engine is not handed rules it cannot read.
    /usr/bin/time -f "$run $side %e %U %S" "$dir/src/RulesEngine.Cli/bin/published/rulesengine" run "$letters" --rules "$dir/rules" --out "$output/out" "${args[@]}" 2>&1 >/dev/null | tail -1
  done
done > "$work/times"
# "run side wall user sys" per line. Each run of the working tree against the ref run beside it:
# the machine's drift between pairs cancels out, so the median of these ratios is the comparison.
awk '{ wall[$2] = wall[$2] " " $3 } END { for (side in wall) printf "%-8s wall%s s\n", side ":", wall[side] }' "$work/times"
awk '{ t[$1, $2] = $3; c[$1, $2] = $4 + $5; runs[$1] = 1 }
  END { for (r in runs) print t[r, "current"] / t[r, "ref"], c[r, "current"] / c[r, "ref"] }' "$work/times" > "$work/ratios"
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f (quartiles %.3f-%.3f)", v[int((NR + 1) / 2)], v[int(NR / 4) + 1], v[int((3 * NR + 3) / 4)] }'; }
echo "current / ref, run by run: wall median $(cut -d' ' -f1 "$work/ratios" | median), CPU median $(cut -d' ' -f2 "$work/ratios" | median)"
