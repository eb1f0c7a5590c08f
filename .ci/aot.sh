#!/usr/bin/env bash
# The eligibility tool as a NativeAOT, RID-specific .NET tool (linux-x64), proven to answer as the library does:
#   1. takes the tool's packages from samples/run-samples.sh's feed, or packs them with eng/pack-tool.sh (the
#      pointer, the framework-dependent `any` and the NativeAOT linux-x64 packages);
#   2. installs the tool from those packages, as a user would (`dotnet tool install`), and checks it is the native one;
#   3. runs the CLI tests (golden explanations, commands, batch mode, determinism, ...) against the installed native
#      program (ELIGIBILITY_CLI), except HostileInputTests: their NUL bytes and 1 MB arguments cannot be passed in an
#      argv; the in-process run covers them;
#   4. a differential run: every jurisdiction x the focus conditions x four dates, with explain, through the batch
#      mode of the framework-dependent and of the native program: the outputs must be byte-identical;
#   5. start-up: process start -> one answer, median of 21 runs, wall time and peak RSS (printed, not asserted).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
version=${ELIGIBILITY_VERSION:-0.1.0}
out="$root/artifacts/aot"
feed="$out/packages"
rm -rf "$out" && mkdir -p "$feed"

shared_feed="$root/artifacts/packages"
if [ -f "$shared_feed/Eligibility.Cli.linux-x64.$version.nupkg" ] && [ -f "$shared_feed/Eligibility.Cli.any.$version.nupkg" ] && [ -f "$shared_feed/Eligibility.Cli.$version.nupkg" ]; then
  echo "== the tool's packages from samples/run-samples.sh ($shared_feed)"
  cp "$shared_feed"/Eligibility.Cli.*"$version".nupkg "$feed"/
else
  echo "== pack the tool: pointer, any (framework-dependent), linux-x64 (NativeAOT)"
  start=$(date +%s)
  bash eng/pack-tool.sh "$feed" "$version"
  echo "  packed in $(( $(date +%s) - start ))s"
fi
echo "  $(cd "$feed" && ls ./*.nupkg | xargs -n1 basename | tr '\n' ' ')"

echo "== install it as a user would"
# A package cache of its own, so a stale Eligibility.Cli $version in the user's cache never stands in for this one.
NUGET_PACKAGES="$out/nuget-packages" dotnet tool install --tool-path "$out/tools" --add-source "$feed" Eligibility.Cli --version "$version" > /dev/null
native="$out/tools/eligibility"
if ! head -c 4 "$(readlink -f "$native")" | grep -q "ELF"; then
  echo "the installed tool is not the native program" >&2
  exit 1
fi
echo "  $native -> $(readlink "$native")"

echo "== the CLI tests against the installed native program"
ELIGIBILITY_CLI="$native" dotnet test tests/Eligibility.Cli.Tests -c Release --filter "FullyQualifiedName!~HostileInputTests"

echo "== differential: framework-dependent vs native, every jurisdiction x focus conditions x 4 dates, with explain"
queries="$out/queries.jsonl"
codes=$("$native" states --format json | grep -Eo '"code": *"[A-Z]{2}"' | grep -Eo '[A-Z]{2}')
: > "$queries"
for code in $codes; do
  for asOf in 2015-01-01 2019-01-01 2024-05-27 2026-12-07; do
    for condition in "chronic pain" "opioid use disorder" "opioid withdrawal" "heroin addiction" "cancer"; do
      printf '{"jurisdiction":"%s","conditions":["%s"],"asOf":"%s","explain":true}\n' "$code" "$condition" "$asOf" >> "$queries"
    done
    printf '{"jurisdiction":"%s","conditions":["chronic pain","ptsd"],"asOf":"%s","age":17,"visitor":true,"medications":["suboxone"]}\n' "$code" "$asOf" >> "$queries"
  done
done
dotnet src/Eligibility.Cli/bin/Release/net10.0/Eligibility.Cli.dll check --input "$queries" > "$out/jit.jsonl"
"$native" check --input "$queries" > "$out/native.jsonl"
if ! cmp -s "$out/jit.jsonl" "$out/native.jsonl"; then
  echo "the native program answered differently:" >&2
  diff "$out/jit.jsonl" "$out/native.jsonl" | head -20 >&2
  exit 1
fi
echo "  $(wc -l < "$queries") queries, $(wc -c < "$out/native.jsonl") bytes of decisions: identical"

echo "== start-up: process start -> one answer (median of 21 runs)"
python3 - "$native" "$root/src/Eligibility.Cli/bin/Release/net10.0/Eligibility.Cli.dll" <<'PY'
import os, statistics, subprocess, sys, time
native, dll = sys.argv[1], sys.argv[2]
query = ["check", "--state", "NY", "--condition", "chronic pain"]
for label, command in (("native (installed tool)", [native] + query), ("framework-dependent", ["dotnet", dll] + query)):
    walls, peaks = [], []
    for _ in range(21):
        begin = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        walls.append((time.perf_counter() - begin) * 1000)
        peaks.append(usage.ru_maxrss / 1024)
        assert status == 0, f"{label} exited with {status}"
    print(f"  {label:<24} {statistics.median(walls):5.0f} ms wall, {statistics.median(peaks):5.1f} MiB peak RSS (median of 21)")
PY
