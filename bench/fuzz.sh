#!/usr/bin/env bash
# The fuzz job (not CI): the compiler's property tests with many more cases than CI runs.
#   bench/fuzz.sh [CASES]   (default 100000 per property; CI runs 1500)
# Each case is a generated or mutated rule file: compiled, checked against the budget, run over a
# seed letter. A failure prints the rule file and the seed that replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-100000}"
RULESENGINE_FUZZ_CASES="$cases" dotnet test tests/RulesEngine.Tests -c Release \
  --filter "FullyQualifiedName~CompilerPropertyTests" --logger "console;verbosity=normal"
