#!/usr/bin/env bash
# Measures each target of the performance brief on this machine, with the real command wherever
# it can, and prints one line per target (docs/performance.md explains the figures).
#
# usage: bench/targets.sh [LETTERS_DIR] [RUNS]
#   LETTERS_DIR  a batch of letters; default (or ""): 10,000 generated into a temporary folder
#   RUNS         runs of each timed command (default 5); the fastest and the median are shown,
#                since this shared machine's speed drifts
# Output goes under $OUT_ROOT (default /dev/shm when present), so the disk does not decide.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${2:-5}
out_root=${OUT_ROOT:-$([ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
work=$(mktemp -d)
output=$(mktemp -d "$out_root/rulesengine-targets.XXXXXX")
trap 'rm -rf "$work" "$output"' EXIT
cd "$root"

dotnet build bench/RulesEngine.Benchmarks -c Release --nologo -v quiet >/dev/null
bench=(dotnet bench/RulesEngine.Benchmarks/bin/Release/net10.0/RulesEngine.Benchmarks.dll)
if [ -n "${1:-}" ]; then
  letters=$(cd "$1" && pwd)
else
  letters=$work/corpus
  "${bench[@]}" corpus --count 10000 --out "$letters" >/dev/null
fi
count=$(find "$letters" -name '*.txt' | wc -l)
megabytes=$(find "$letters" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
# The first call publishes the native tool; it is not timed.
./rulesengine run seeds --out "$work/warm" >/dev/null 2>&1
tool=src/RulesEngine.Cli/bin/published/rulesengine
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-2000000}"

# "wall peakKB cpu%" for each of RUNS runs of the real command over the batch, as a user runs it
# (its default --jobs: one more worker than cores).
timed() {
  for _ in $(seq "$runs"); do
    rm -rf "$output/out"
    /usr/bin/time -f "%e %M %P" "$tool" run "$@" --out "$output/out" 2>&1 >/dev/null | tail -1
  done
}
summary() {
  sort -n | awk -v mb="$megabytes" '{ wall[NR] = $1; peak = $2 > peak ? $2 : peak; cpu = cpu " " $3 }
    END { m = wall[int((NR + 1) / 2)]
          printf "fastest %.2f s (%.1f MB/s), median %.2f s (%.1f MB/s); peak %d MB; CPU%s\n", wall[1], mb / wall[1], m, mb / m, peak / 1024, cpu }'
}

echo "batch: $count letters, $megabytes MB, $(nproc) cores ($(($(nproc) + 1)) workers, the tool's default); output under $out_root"
echo "target 50 MB/s end to end is $(awk -v mb="$megabytes" 'BEGIN { printf "%.2f", mb / 50 }') s for this batch"
echo "JSON file per letter:  $(timed "$letters" | summary)"
echo "one JSON Lines file:   $(timed "$letters" --format jsonl | summary)"

# Flat memory: a tenth of the batch, the batch, and the batch twice (the folder given twice).
mkdir -p "$work/tenth"
# (awk, not head: head closing the pipe early fails the pipeline under pipefail)
find "$letters" -name '*.txt' | sort | awk -v n=$((count / 10)) 'NR <= n' | while read -r file; do ln -s "$file" "$work/tenth/"; done
peak() { rm -rf "$output/out"; /usr/bin/time -f "%M" "$tool" run "$@" --out "$output/out" --format jsonl 2>&1 >/dev/null | tail -1 | awk '{ printf "%d MB", $1 / 1024 }'; }
echo "peak memory (JSON Lines): $((count / 10)) letters $(peak "$work/tenth"), $count $(peak "$letters"), $((2 * count)) $(peak "$letters" "$letters")"

# Matching flat in the number of rules: the pack alone and with 1,000 rules that never match, in turn.
match_time() { "${bench[@]}" batch "$letters" --jobs 2 --pass match "$@" | awk '/read and match only/ { print $(NF-5) }' | tr -d s; }
ratios=""
for _ in 1 2; do
  alone=$(match_time)
  extra=$(match_time --extra-rules 1000)
  ratios="$ratios $(awk -v a="$alone" -v e="$extra" 'BEGIN { printf "%.2fx (%s vs %s s)", e / a, e, a }')"
done
echo "1,000 extra rules (read and match, in process):$ratios"

echo "cold start: $("${bench[@]}" coldstart seeds/000_c8c4be644e6a807e.txt | tail -1)"
