#!/usr/bin/env bash
# Counts the instructions and simulated cache misses of the real command over a batch, with the
# code at REF and with the working tree, under Valgrind's cachegrind. Unlike a timed run these
# counts hardly move with the machine's load (two runs of the same build differ by about 0.05% in
# instructions and 0.2% in first-level misses), so a change of 1% shows even when this shared
# machine's wall times drift by a third. They are a proxy: a memory stall costs far more than an
# instruction, which is why the misses are reported beside them.
#
# usage: bench/instructions.sh REF [LETTERS_DIR]
#   REF          a commit to compare with (built in a temporary worktree)
#   LETTERS_DIR  default: 1,000 generated letters (about 25 s a side under cachegrind)
# Needs valgrind (Debian: apt-get install valgrind). One worker (--jobs 1): cachegrind runs threads
# one at a time anyway, and one worker keeps the order of work the same from run to run.
set -euo pipefail
ref=$1
root=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/ref" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$root"

if [ -n "${2:-}" ]; then
  letters=$(cd "$2" && pwd)
else
  dotnet build bench/RulesEngine.Benchmarks -c Release --nologo -v quiet >/dev/null
  letters=$work/corpus
  dotnet bench/RulesEngine.Benchmarks/bin/Release/net10.0/RulesEngine.Benchmarks.dll corpus --count 1000 --out "$letters" >/dev/null
fi

git worktree add --detach "$work/ref" "$ref" >/dev/null 2>&1
for dir in "$work/ref" "$root"; do
  (cd "$dir" && ./rulesengine run seeds --out "$work/warm" >/dev/null 2>&1)
  [ -x "$dir/src/RulesEngine.Cli/bin/published/rulesengine" ] || { echo "no native tool was published in $dir" >&2; exit 1; }
done

export DOTNET_GCgen0size="${DOTNET_GCgen0size:-2000000}"
# "instructions D1-misses LL-misses" of one side. The executable is copied away from its .dbg file:
# this Valgrind cannot read the DWARF 5 the native toolchain writes, and the totals need no symbols.
count() {
  local side=$1 dir=$2
  mkdir -p "$work/$side"
  cp "$dir/src/RulesEngine.Cli/bin/published/rulesengine" "$work/$side/"
  rm -rf "$work/out"
  valgrind --tool=cachegrind --cachegrind-out-file=/dev/null "$work/$side/rulesengine" run "$letters" \
    --rules "$dir/rules" --out "$work/out" --jobs 1 >/dev/null 2>"$work/$side/log"
  awk '/ I   refs:/ { i = $4 } / D1  misses:/ { d = $4 } / LL misses:/ { l = $4 }
    END { gsub(",", "", i); gsub(",", "", d); gsub(",", "", l); print i, d, l }' "$work/$side/log"
}
read -r ref_i ref_d ref_l < <(count ref "$work/ref")
read -r cur_i cur_d cur_l < <(count current "$root")
awk -v ri="$ref_i" -v rd="$ref_d" -v rl="$ref_l" -v ci="$cur_i" -v cd="$cur_d" -v cl="$cur_l" -v n="$(find "$letters" -name '*.txt' | wc -l)" 'BEGIN {
  printf "%d letters, one worker, under cachegrind\n", n
  printf "ref:      %.0f instructions a letter, %.0f first-level misses, %.0f last-level misses\n", ri / n, rd / n, rl / n
  printf "current:  %.0f instructions a letter, %.0f first-level misses, %.0f last-level misses\n", ci / n, cd / n, cl / n
  printf "current / ref: instructions %.4f, first-level misses %.4f, last-level misses %.4f\n", ci / ri, cd / rd, cl / rl }'
