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

export DOTNET_GCgen0size="${DOTNET_GCgen0size:-2000000}"
args=(--jobs 2)
[ "$format" = jsonl ] && args+=(--format jsonl)
for _ in $(seq "$runs"); do
  for side in ref current; do
    dir=$root
    [ "$side" = ref ] && dir=$work/ref
    rm -rf "$output/out"
    /usr/bin/time -f "$side %e %U" "$dir/src/RulesEngine.Cli/bin/published/rulesengine" run "$letters" --out "$output/out" "${args[@]}" 2>&1 >/dev/null | tail -1
  done
done | awk '{ wall[$1] = wall[$1] " " $2; user[$1] = user[$1] " " $3 }
  END { for (side in wall) printf "%-8s wall%s s; user%s s\n", side ":", wall[side], user[side] }'
