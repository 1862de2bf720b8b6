#!/usr/bin/env bash
# The measured build (docs/performance.md): writes the synthetic checklists project (1,000 x 20 by
# default) into a temporary folder, builds it with the ChecklistDsl generator and analyzers
# (-p:ReportAnalyzer=true) and without them (-p:ChecklistDslTooling=false), and prints, from the
# compiler's own report, generator time, analyzer time, the Csc task time and the build's wall time.
# Beside it, in the same rounds, the peer: the same number of classes x [LoggerMessage] methods built
# with and without the LoggerMessage generator (Microsoft.Extensions.Logging.Abstractions' own, as
# users get it), so both ratios share the host's load. Then the size of the built assemblies per step,
# and `checklist list --no-build` on the built 1,000-checklist project beside a `dotnet` hello-world.
#
#   scripts/measure-build.sh [--checklists N] [--steps M] [--runs R] [--keep DIR] [--shared-compilation] [--no-peer] [--one-warm-up] [--floor]
#
# --floor: the floor of our generator's cold time (row 7). In the same rounds, a clean build of the same
# project with the floor generator as its only generator of ours (benchmarks/FloorGenerator: the
# AttributeMatchingFloor the benchmarks run in process, the same ForAttributeWithMetadataName on
# [Checklist] with the class name as its transform, nothing emitted). It is the build without our tooling
# (-p:ChecklistDslTooling=false: the round's "without" build, so it compiles without ours) plus the floor's
# assembly as one Analyzer item, added through MSBuild's CustomAfterMicrosoftCommonTargets hook, so the
# generated project is the same file in every build. What a fresh csc spends in the floor (loading it,
# binding the 1,000 classes' declarations and [Checklist] the first time, the JIT of what is not
# precompiled) any such generator pays; ours less the floor is ours. Prints the floor generator's time
# from the compiler's report, its Csc task and wall time, and "ours cold / floor cold" per round and as
# the median of the rounds' own ratios.
#
# --shared-compilation: build through the compiler server (VBCSCompiler, as a developer machine does by
# default), so the warm-up loads and JIT-compiles the generator once; the script stops the server it
# started when done. Without it, the environment's UseSharedCompilation applies (false here, as in CI:
# every build is a fresh csc process that loads and JIT-compiles the generator and analyzers anew).
#
# One warm-up build per configuration, then R rounds of four clean builds (--no-incremental): ours
# with and without, the peer with and without, one after the other: a shared host's load drifts over
# minutes, and a ratio taken within a round is not skewed by it. Medians count; each round's ratio is
# printed too. --no-peer leaves the peer out (half the time); --one-warm-up skips every warm-up
# build but the first (the one that writes the generated files), for a host too busy for 4 of them.
# With --floor each round has a third build of ours, after the one without (and a warm-up for it).
# The "on" warm-up also writes the generated files to disk, for generated lines per step.
set -euo pipefail

checklists=1000 steps=20 runs=3 keep="" shared=() peer=1 cli_runs=5 one_warmup=0 floor=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --checklists) checklists="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --shared-compilation) shared=(-p:UseSharedCompilation=true); shift ;;
    --no-peer) peer=0; shift ;;
    --one-warm-up) one_warmup=1; shift ;;
    --floor) floor=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${keep:-$(mktemp -d -t checklistdsl-measure.XXXXXX)}"
mkdir -p "$work"
project_dir="$work/project"
peer_dir="$work/peer"
logs="$work/logs"
mkdir -p "$logs"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== building the library, the generator and the workload tool (Release)"
dotnet build "$repo/src/ChecklistDsl/ChecklistDsl.csproj" -c Release -v:q -nologo >"$logs/tools.log"
dotnet build "$repo/generators/ChecklistDsl.Generators/ChecklistDsl.Generators.csproj" -c Release -v:q -nologo >>"$logs/tools.log"
dotnet build "$repo/benchmarks/Workload/ChecklistDsl.Workload.csproj" -c Release -v:q -nologo >>"$logs/tools.log"
dotnet build "$repo/src/ChecklistDsl.Cli/ChecklistDsl.Cli.csproj" -c Release -v:q -nologo >>"$logs/tools.log"
[[ $floor -eq 0 ]] || dotnet build "$repo/benchmarks/FloorGenerator/ChecklistDsl.FloorGenerator.csproj" -c Release -v:q -nologo >>"$logs/tools.log"

library="$repo/src/ChecklistDsl/bin/Release/net10.0/ChecklistDsl.dll"
generator="$repo/generators/ChecklistDsl.Generators/bin/Release/netstandard2.0/ChecklistDsl.Generators.dll"
# The compiler loads the generator's dependency from an Analyzer item too (as the repo's own projects do).
humanizer_package="$(dotnet msbuild "$repo/generators/ChecklistDsl.Generators/ChecklistDsl.Generators.csproj" -getProperty:PKGHumanizer_Core -p:Configuration=Release)"
humanizer="$humanizer_package/lib/netstandard2.0/Humanizer.dll"
floor_generator="$repo/benchmarks/FloorGenerator/bin/Release/netstandard2.0/ChecklistDsl.FloorGenerator.dll"
tools=("$library" "$generator" "$humanizer")
[[ $floor -eq 0 ]] || tools+=("$floor_generator")
for f in "${tools[@]}"; do
  [[ -f "$f" ]] || { echo "missing: $f" >&2; exit 1; }
done
# The floor build's one Analyzer item, imported at the end of Microsoft.Common.targets (a static item,
# like the project's own: it comes before the SDK's generators on the compiler's command line, as ours).
floor_targets="$work/floor.targets"
floor_args=(-p:ChecklistDslTooling=false "-p:CustomAfterMicrosoftCommonTargets=$floor_targets")
if [[ $floor -eq 1 ]]; then
  printf '<Project>\n  <ItemGroup>\n    <Analyzer Include="%s" />\n  </ItemGroup>\n</Project>\n' "$floor_generator" >"$floor_targets"
fi

echo "== writing $checklists checklists x $steps steps to $project_dir"
dotnet "$repo/benchmarks/Workload/bin/Release/net10.0/ChecklistDsl.Workload.dll" \
  --out "$project_dir" --checklists "$checklists" --steps "$steps" \
  --library "$library" --analyzer "$generator" --analyzer "$humanizer"
proj="$project_dir/Checklists.Synthetic.csproj"
peer_proj="$peer_dir/Logging.Synthetic.csproj"
if [[ $peer -eq 1 ]]; then
  echo "== writing the LoggerMessage peer, $checklists classes x $steps methods, to $peer_dir"
  dotnet "$repo/benchmarks/Workload/bin/Release/net10.0/ChecklistDsl.Workload.dll" --out "$peer_dir" --peer logging --checklists "$checklists" --steps "$steps"
fi

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }

# One build; prints its wall time in seconds. $1: project; $2: log file; the rest: extra MSBuild arguments.
build_project() {
  local project="$1" log="$2"; shift 2
  local start end
  start=$(now)
  if ! dotnet build "$project" -c Release -nologo --no-restore "${shared[@]}" "$@" >"$log" 2>&1; then
    echo "build failed, see $log" >&2; tail -30 "$log" >&2; exit 1
  fi
  end=$(now)
  calc "$end - $start"
}
build() { build_project "$proj" "$@"; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Seconds from the compiler's report (ReportAnalyzer) and MSBuild's task summary, in one log.
generator_seconds() { awk '/Total generator execution time:/ { f = 1; next } f && /ChecklistDsl\.Generators, Version=/ { print $1; exit }' "$1"; }
analyzer_seconds() { awk '/Total analyzer execution time:/ { f = 1; next } f && /ChecklistDsl\.Generators, Version=/ { print $1; exit }' "$1"; }
all_generators_seconds() { awk '/Total generator execution time:/ { sub(/.*time: /, ""); print $1 + 0; exit }' "$1"; }
all_analyzers_seconds() { awk '/Total analyzer execution time:/ { sub(/.*time: /, ""); print $1 + 0; exit }' "$1"; }
floor_generator_seconds() { awk '/Total generator execution time:/ { f = 1; next } f && /ChecklistDsl\.FloorGenerator, Version=/ { print $1; exit }' "$1"; }
peer_generator_seconds() { awk '/Total generator execution time:/ { f = 1; next } f && /Microsoft\.Extensions\.Logging\.Generators, Version=/ { print $1; exit }' "$1"; }
csc_seconds() { awk '/Task Performance Summary:/ { f = 1 } f && $NF == "calls" && $(NF - 2) == "Csc" { print $1 / 1000; exit }' "$1"; }

dotnet restore "$proj" -v:q -nologo >"$logs/restore.log"
[[ $peer -eq 0 ]] || dotnet restore "$peer_proj" -v:q -nologo >>"$logs/restore.log"
servers_before=" $(pgrep -f 'VBCSCompiler( |\.dll|$)' | tr '\n' ' ' || true) "
stop_new_servers() {
  # Only compiler servers this script started (by process id), never one that was already running.
  local pid
  for pid in $(pgrep -f 'VBCSCompiler( |\.dll|$)' || true); do
    [[ "$servers_before" == *" $pid "* ]] || kill "$pid" 2>/dev/null || true
  done
}
[[ ${#shared[@]} -eq 0 ]] || trap stop_new_servers EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== warm-up, with the generator and analyzers (also writes the generated files)"
# Outside the project folder: the default **/*.cs glob would otherwise compile them in the next builds.
generated="$work/generated"
rm -rf "$generated"
build "$logs/on-warmup.log" -p:EmitCompilerGeneratedFiles=true "-p:CompilerGeneratedFilesOutputPath=$generated" >/dev/null
generated_lines=$(find "$generated" -path '*ChecklistDsl.Generators*' -name '*.g.cs' -print0 | xargs -0 cat | wc -l)
generated_files=$(find "$generated" -path '*ChecklistDsl.Generators*' -name '*.g.cs' | wc -l)
[[ "$generated_files" -eq $((checklists + 1)) ]] || { echo "expected $((checklists + 1)) generated files, found $generated_files" >&2; exit 1; }
if [[ $one_warmup -eq 0 ]]; then
echo "== warm-up, without them (-p:ChecklistDslTooling=false)"
build "$logs/off-warmup.log" -p:ChecklistDslTooling=false >/dev/null
fi
if [[ $floor -eq 1 && $one_warmup -eq 0 ]]; then
  echo "== warm-up, the floor generator only"
  build "$logs/floor-warmup.log" "${floor_args[@]}" >/dev/null
fi
if [[ $peer -eq 1 && $one_warmup -eq 0 ]]; then
  echo "== warm-up, the peer with and without its generator"
  build_project "$peer_proj" "$logs/peer-on-warmup.log" >/dev/null
  build_project "$peer_proj" "$logs/peer-off-warmup.log" -p:LoggerMessageGenerator=false >/dev/null
fi
dll_size() { stat -c %s "$1/bin/Release/net10.0/$2.dll"; }

on_wall=() on_csc=() on_gen=() on_ana=() on_allgen=() on_allana=() off_wall=() off_csc=() round_wall=() round_csc=()
floor_wall=() floor_csc=() floor_gen=() round_floor=()
peer_on_wall=() peer_off_wall=() peer_gen=() peer_round_wall=() on_bytes=() off_bytes=() peer_on_bytes=() peer_off_bytes=()
for i in $(seq 1 "$runs"); do
  echo "   round $i/$runs: a clean build with them, then one without$([[ $floor -eq 0 ]] || echo ", then the floor generator only")$([[ $peer -eq 0 ]] || echo "; the peer with, then without") (load $(cut -d' ' -f1 /proc/loadavg))"
  log="$logs/on-$i.log"
  on_wall+=("$(build "$log" --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary)")
  on_csc+=("$(csc_seconds "$log")"); on_gen+=("$(generator_seconds "$log")"); on_ana+=("$(analyzer_seconds "$log")")
  on_allgen+=("$(all_generators_seconds "$log")"); on_allana+=("$(all_analyzers_seconds "$log")")
  [[ -n "${on_gen[-1]}" && -n "${on_ana[-1]}" && -n "${on_csc[-1]}" ]] || { echo "no generator/analyzer/Csc time in $log" >&2; exit 1; }
  on_bytes+=("$(dll_size "$project_dir" Checklists.Synthetic)")
  log="$logs/off-$i.log"
  off_wall+=("$(build "$log" --no-incremental -p:ChecklistDslTooling=false -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary)")
  off_csc+=("$(csc_seconds "$log")")
  [[ -n "${off_csc[-1]}" ]] || { echo "no Csc time in $log" >&2; exit 1; }
  if grep -q 'ChecklistDsl\.Generators, Version=' "$log"; then echo "the off build still loaded ChecklistDsl.Generators: $log" >&2; exit 1; fi
  off_bytes+=("$(dll_size "$project_dir" Checklists.Synthetic)")
  round_wall+=("$(calc "${on_wall[-1]} / ${off_wall[-1]}")"); round_csc+=("$(calc "${on_csc[-1]} / ${off_csc[-1]}")")
  if [[ $floor -eq 1 ]]; then
    log="$logs/floor-$i.log"
    floor_wall+=("$(build "$log" --no-incremental "${floor_args[@]}" -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary)")
    floor_csc+=("$(csc_seconds "$log")"); floor_gen+=("$(floor_generator_seconds "$log")")
    [[ -n "${floor_gen[-1]}" && -n "${floor_csc[-1]}" ]] || { echo "no floor generator/Csc time in $log" >&2; exit 1; }
    if grep -q 'ChecklistDsl\.Generators, Version=' "$log"; then echo "the floor build loaded ChecklistDsl.Generators: $log" >&2; exit 1; fi
    round_floor+=("$(calc "${on_gen[-1]} / ${floor_gen[-1]}")")
    echo "     ours cold / floor cold: ${on_gen[-1]} s / ${floor_gen[-1]} s = ${round_floor[-1]}"
  fi
  if [[ $peer -eq 1 ]]; then
    log="$logs/peer-on-$i.log"
    peer_on_wall+=("$(build_project "$peer_proj" "$log" --no-incremental -p:ReportAnalyzer=true -v:d)")
    peer_gen+=("$(peer_generator_seconds "$log")")
    [[ -n "${peer_gen[-1]}" ]] || { echo "no LoggerMessage generator time in $log" >&2; exit 1; }
    peer_on_bytes+=("$(dll_size "$peer_dir" Logging.Synthetic)")
    log="$logs/peer-off-$i.log"
    peer_off_wall+=("$(build_project "$peer_proj" "$log" --no-incremental -p:LoggerMessageGenerator=false -p:ReportAnalyzer=true -v:d)")
    if grep -q 'Microsoft\.Extensions\.Logging\.Generators, Version=' "$log"; then echo "the peer's off build still loaded its generator: $log" >&2; exit 1; fi
    peer_off_bytes+=("$(dll_size "$peer_dir" Logging.Synthetic)")
    peer_round_wall+=("$(calc "${peer_on_wall[-1]} / ${peer_off_wall[-1]}")")
  fi
done

m() { printf '%s\n' "$@" | median; }

# `checklist list --no-build` on the built project (its default configuration, Debug, as a user's
# `dotnet build` leaves it), beside a `dotnet` hello-world's wall time: the floor of any .NET command.
echo "== checklist list --no-build on the $checklists-checklist project, and a dotnet hello-world ($cli_runs runs each, alternating)"
dotnet build "$proj" -nologo --no-restore "${shared[@]}" >"$logs/on-debug.log" 2>&1 || { echo "build failed, see $logs/on-debug.log" >&2; exit 1; }
cli="$repo/src/ChecklistDsl.Cli/bin/Release/net10.0/checklist"
hello_dir="$work/hello"
mkdir -p "$hello_dir"
printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n' >"$hello_dir/Hello.csproj"
echo 'System.Console.WriteLine("Hello, World!");' >"$hello_dir/Program.cs"
printf '<Project />\n' >"$hello_dir/Directory.Build.props"; printf '<Project />\n' >"$hello_dir/Directory.Build.targets"
dotnet build "$hello_dir/Hello.csproj" -c Release -nologo -v:q >"$logs/hello.log" 2>&1 || { echo "hello-world did not build: $logs/hello.log" >&2; exit 1; }
timed() { local start end; start=$(now); "$@" >/dev/null 2>>"$logs/cli.log" || { echo "failed: $*" >&2; tail -5 "$logs/cli.log" >&2; exit 1; }; end=$(now); calc "$end - $start"; }
listed=$("$cli" list --project "$proj" --no-build --json | { grep -o '"fullName"' || true; } | wc -l)
[[ "$listed" -eq "$checklists" ]] || { echo "checklist list found $listed checklists, expected $checklists" >&2; exit 1; }
assembly="$project_dir/bin/Debug/net10.0/Checklists.Synthetic.dll"
list_project=() list_assembly=() hello=()
for i in $(seq 1 "$cli_runs"); do
  hello+=("$(timed "$hello_dir/bin/Release/net10.0/Hello")")
  list_project+=("$(timed "$cli" list --project "$proj" --no-build)")
  list_assembly+=("$(timed "$cli" list --assembly "$assembly")")
done
gen=$(m "${on_gen[@]}"); ana=$(m "${on_ana[@]}"); csc_on=$(m "${on_csc[@]}"); csc_off=$(m "${off_csc[@]}")
wall_on=$(m "${on_wall[@]}"); wall_off=$(m "${off_wall[@]}")
allgen=$(m "${on_allgen[@]}"); allana=$(m "${on_allana[@]}")
total_steps=$((checklists * steps))
pct() { calc "100 * ($1) / ($2)"; }

echo
echo "Measured build: $checklists checklists x $steps steps ($total_steps steps), median of $runs rounds (a clean build with, then one without)"
if [[ ${#shared[@]} -gt 0 ]]; then compiler="compiler server (UseSharedCompilation=true)"; else compiler="UseSharedCompilation=${UseSharedCompilation:-default}"; fi
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores; $(dotnet --version) SDK; $compiler"
echo "load average (1, 5, 15 min): before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-52s | %12s |\n' "measure" "value"
printf '| %-52s | %12s |\n' "----------------------------------------------------" "------------"
printf '| %-52s | %10.3f s |\n' "ChecklistDsl generator (compiler's report)" "$gen"
printf '| %-52s | %10.3f s |\n' "ChecklistDsl analyzers (compiler's report)" "$ana"
printf '| %-52s | %10.3f s |\n' "all generators / all analyzers in the build" "$(calc "$allgen + $allana")"
printf '| %-52s | %10.3f s |\n' "Csc task, with them" "$csc_on"
printf '| %-52s | %10.3f s |\n' "Csc task, without them" "$csc_off"
printf '| %-52s | %10.3f s |\n' "whole build (wall), with them" "$wall_on"
printf '| %-52s | %10.3f s |\n' "whole build (wall), without them" "$wall_off"
printf '| %-52s | %10.2f %% |\n' "generator + analyzers / Csc" "$(pct "$gen + $ana" "$csc_on")"
printf '| %-52s | %10.3f x |\n' "whole build with / without (target <= 1.25 x)" "$(calc "$wall_on / $wall_off")"
printf '| %-52s | %10.3f x |\n' "  the same, median of the rounds' own ratios" "$(m "${round_wall[@]}")"
printf '| %-52s | %10.3f x |\n' "Csc with / without" "$(calc "$csc_on / $csc_off")"
if [[ $floor -eq 1 ]]; then
  floor_med=$(m "${floor_gen[@]}")
  printf '| %-52s | %10.3f s |\n' "floor generator, cold (compiler's report)" "$floor_med"
  printf '| %-52s | %10.3f x |\n' "ours cold / floor cold (rounds' median)" "$(m "${round_floor[@]}")"
  printf '| %-52s | %10.3f s |\n' "ours cold less the floor's (rounds' median)" "$(m $(for j in "${!round_floor[@]}"; do calc "${on_gen[$j]} - ${floor_gen[$j]}"; done))"
  printf '| %-52s | %10.3f s |\n' "Csc task, the floor generator only" "$(m "${floor_csc[@]}")"
  printf '| %-52s | %10.3f s |\n' "whole build (wall), the floor generator only" "$(m "${floor_wall[@]}")"
fi
printf '| %-52s | %12s |\n' "generated files / lines" "$generated_files / $generated_lines"
printf '| %-52s | %12.2f |\n' "generated lines per step" "$(calc "$generated_lines / $total_steps")"
printf '| %-52s | %10.2f KB |\n' "assembly bytes per step, with the generator" "$(calc "$(m "${on_bytes[@]}") / $total_steps / 1024")"
printf '| %-52s | %10.2f KB |\n' "  the same, less the assembly built without it" "$(calc "($(m "${on_bytes[@]}") - $(m "${off_bytes[@]}")) / $total_steps / 1024")"
if [[ $peer -eq 1 ]]; then
  printf '| %-52s | %10.3f s |\n' "LoggerMessage generator (compiler's report)" "$(m "${peer_gen[@]}")"
  printf '| %-52s | %10.3f s |\n' "peer build (wall), with its generator" "$(m "${peer_on_wall[@]}")"
  printf '| %-52s | %10.3f s |\n' "peer build (wall), without it" "$(m "${peer_off_wall[@]}")"
  printf '| %-52s | %10.3f x |\n' "peer build with / without, median of rounds' ratios" "$(m "${peer_round_wall[@]}")"
  printf '| %-52s | %10.3f x |\n' "ours with / without, over the peer's (rounds' median)" "$(m $(for j in "${!round_wall[@]}"; do calc "${round_wall[$j]} / ${peer_round_wall[$j]}"; done))"
  printf '| %-52s | %10.3f x |\n' "our generator's cold time over LoggerMessage's" "$(calc "$gen / $(m "${peer_gen[@]}")")"
  printf '| %-52s | %10.2f KB |\n' "peer assembly bytes per method, with its generator" "$(calc "$(m "${peer_on_bytes[@]}") / $total_steps / 1024")"
fi
printf '| %-52s | %10.3f s |\n' "checklist list --no-build (--project), wall" "$(m "${list_project[@]}")"
printf '| %-52s | %10.3f s |\n' "checklist list --assembly, wall" "$(m "${list_assembly[@]}")"
printf '| %-52s | %10.3f s |\n' "dotnet hello-world, wall" "$(m "${hello[@]}")"
echo
echo "runs (s): on wall ${on_wall[*]}; off wall ${off_wall[*]}; on Csc ${on_csc[*]}; off Csc ${off_csc[*]}; generator ${on_gen[*]}; analyzers ${on_ana[*]}"
echo "rounds (with / without): wall ${round_wall[*]}; Csc ${round_csc[*]}"
[[ $floor -eq 0 ]] || echo "floor (s): wall ${floor_wall[*]}; Csc ${floor_csc[*]}; generator ${floor_gen[*]}; rounds (ours cold / floor cold) ${round_floor[*]}"
[[ $peer -eq 0 ]] || echo "peer (s): on wall ${peer_on_wall[*]}; off wall ${peer_off_wall[*]}; generator ${peer_gen[*]}; rounds ${peer_round_wall[*]}"
echo "assembly bytes: on ${on_bytes[*]}; off ${off_bytes[*]}$([[ $peer -eq 0 ]] || echo "; peer on ${peer_on_bytes[*]}; peer off ${peer_off_bytes[*]}")"
echo "list --no-build (s): ${list_project[*]}; list --assembly ${list_assembly[*]}; hello ${hello[*]}"
echo "logs: $logs"
