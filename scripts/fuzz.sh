#!/usr/bin/env bash
# Fuzzes the generator, the analyzers and the code fixes with COUNT seeded mutations (default 10000)
# through the same harness CI runs (tests/ChecklistDsl.Fuzz.Tests), and reports how many ran and failed.
#   scripts/fuzz.sh [COUNT]                 seeds from the clock (printed)
#   FUZZ_SEED_BASE=N scripts/fuzz.sh COUNT  seeds N .. N+COUNT-1
#   FUZZ_SEED=N scripts/fuzz.sh             replays one seed
# The full report (each failure's seed, mutations and source) is written to TestResults/fuzz-report.txt, or FUZZ_REPORT.
set -euo pipefail
cd "$(dirname "$0")/.."

export FUZZ_COUNT="${1:-10000}"
export FUZZ_REPORT="${FUZZ_REPORT:-$PWD/TestResults/fuzz-report.txt}"
mkdir -p "$(dirname "$FUZZ_REPORT")"
rm -f "$FUZZ_REPORT"

status=0
dotnet test tests/ChecklistDsl.Fuzz.Tests/ChecklistDsl.Fuzz.Tests.csproj \
  --filter "FullyQualifiedName~FuzzTests.Time_seeded_batch" \
  --logger "console;verbosity=normal" || status=$?

if [ -f "$FUZZ_REPORT" ]; then
  head -n 2 "$FUZZ_REPORT"
  grep -c '^=== FAILURE' "$FUZZ_REPORT" >/dev/null && echo "failures in detail: $FUZZ_REPORT"
else
  echo "fuzz: no report written (the build or the test host failed)" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
