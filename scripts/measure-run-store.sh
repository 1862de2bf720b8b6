#!/usr/bin/env bash
# The run stores' costs, for docs/performance.md: the wall time of a 50-step `--yes` run (the FiftySteps
# sample: one `true` command a step) on the file store and on PostgreSQL, with `--dry-run` (no store, no
# commands) as the floor of process start and loading; then the journal append benchmark
# (RunStoreBenchmarks: latency of one durable record, records/s = 1/mean) on both.
# PostgreSQL is a throwaway cluster (scripts/postgres-cluster.sh), stopped and deleted at the end.
#   scripts/measure-run-store.sh [--runs 5] [--no-benchmark]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
benchmark=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-benchmark) benchmark=0; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/checklist-measure-store.XXXXXX")
chmod 755 "$work"
cleanup() {
  scripts/postgres-cluster.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

store=$(scripts/postgres-cluster.sh start "$work/pg")
dotnet build -c Release src/ChecklistDsl.Cli -nologo -v q >/dev/null
tool=src/ChecklistDsl.Cli/bin/Release/net10.0/checklist.dll
assembly=$(dotnet msbuild tests/Fixtures/SampleChecklists/SampleChecklists.csproj -restore -t:Build -p:Configuration=Release \
  -nologo -v:q -getProperty:TargetPath | tail -1)
dotnet "$tool" store migrate --store "$store" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Each run on its own target (a completed run frees its target anyway) and in its own folder.
measure() {
  local label=$1; shift
  for i in $(seq 1 "$runs"); do
    local folder="$work/$label-$i"
    mkdir -p "$folder"
    local start end
    start=$(date +%s%N)
    (cd "$folder" && dotnet "$OLDPWD/$tool" run FiftySteps --yes --target "t$i" --assembly "$assembly" "$@" </dev/null >/dev/null)
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}

echo "50-step --yes run, median of $runs (ms):"
echo "  --dry-run (no store, nothing run): $(measure dry --dry-run)"
echo "  file store:                        $(measure file --store file)"
echo "  PostgreSQL store:                  $(measure postgres --store "$store")"

if [ "$benchmark" -eq 1 ]; then
  CHECKLIST_BENCH_POSTGRES="$store" dotnet run -c Release --project benchmarks/ChecklistDsl.Benchmarks -- \
    --filter '*.RunStoreBenchmarks.*' --job short --artifacts "$work/bdn" 2>&1 | sed -n '/^| Method/,/^$/p'
fi
