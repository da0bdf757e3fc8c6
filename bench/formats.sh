#!/usr/bin/env bash
# Letters per second for each input format: the seeds as text and their HTML, Word and PDF
# renderings (the test fixtures), each copied to make a batch, run through the real command to
# one JSON Lines file. A PDF costs what PdfPig costs plus the layout pass; text letters stay
# the engine's fast path (bench/targets.sh measures those at scale).
#
# usage: bench/formats.sh [COPIES] [RUNS]
#   COPIES  copies of each of the five seeds per format (default 200: 1,000 letters a format)
#   RUNS    runs per format (default 3); the fastest and the median are shown
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
copies=${1:-200}
runs=${2:-3}
out_root=${OUT_ROOT:-$([ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
work=$(mktemp -d "$out_root/rulesengine-formats.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$root"

./rulesengine run seeds --out "$work/warm" >/dev/null 2>&1 # the first call publishes the native tool
tool=src/RulesEngine.Cli/bin/published/rulesengine
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-2000000}"
fixtures=tests/RulesEngine.Tests/Reading/Formats/Fixtures

batch() { # format source-folder extension
  mkdir -p "$work/$1"
  for file in "$2"/*."$3"; do
    for i in $(seq "$copies"); do cp "$file" "$work/$1/$(basename "$file" ."$3")-$i.$3"; done
  done
}
batch text seeds txt
batch html "$fixtures/html" html
batch docx "$fixtures/docx" docx
batch pdf "$fixtures/pdf" pdf

echo "$((copies * 5)) letters per format, $(nproc) cores, the tool's default workers"
for format in text html docx pdf; do
  megabytes=$(du -sb "$work/$format" | awk '{ printf "%.1f", $1 / 1e6 }')
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" "$tool" run "$work/$format" --format jsonl --out "$work/out-$format" 2>&1 >/dev/null | tail -1
  done | sort -n | awk -v n=$((copies * 5)) -v f="$format" -v mb="$megabytes" '{ wall[NR] = $1; peak = $2 > peak ? $2 : peak }
    END { m = wall[int((NR + 1) / 2)]
          printf "%-5s %6.1f MB: fastest %.2f s (%.0f letters/s), median %.2f s (%.0f letters/s); peak %d MB\n", f, mb, wall[1], n / wall[1], m, n / m, peak / 1024 }'
done
