#!/usr/bin/env bash
# Whole-process cold start: a process that starts, loads and validates every jurisdiction, compiles the rules and
# answers one query (the built CLI), measured with /usr/bin/time -v: wall time and maximum resident set size.
# Usage: bench/coldstart.sh [runs] [--r2r]   (--r2r also measures a ReadyToRun publish of the same CLI, for comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq time > /dev/null; else echo "install GNU time (apt-get install time)" >&2; exit 2; fi
fi

dotnet build -c Release src/Eligibility.Cli -v q -nologo > /dev/null
dotnet build -c Release bench/Eligibility.Benchmarks -v q -nologo > /dev/null
cli=src/Eligibility.Cli/bin/Release/net10.0/Eligibility.Cli
floor=bench/Eligibility.Benchmarks/bin/Release/net10.0/Eligibility.Benchmarks

measure() { # label, command...
  local label=$1; shift
  local out; out=$(mktemp)
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -v "$@" > /dev/null 2>> "$out"
  done
  python3 - "$label" "$out" <<'PY'
import re, statistics, sys
label, path = sys.argv[1], sys.argv[2]
text = open(path).read()
def secs(t):
    parts = [float(p) for p in t.split(':')]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
wall = [secs(m) * 1000 for m in re.findall(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', text)]
rss = [int(m) / 1024 for m in re.findall(r'Maximum resident set size \(kbytes\): (\d+)', text)]
print(f"{label:58s} wall ms median {statistics.median(wall):6.0f} (min {min(wall):4.0f})   max RSS MiB median {statistics.median(rss):5.1f} (min {min(rss):5.1f})   runs {len(wall)}")
PY
  rm -f "$out"
}

echo "whole-process cold start, $runs runs each ($(nproc) cores)"
measure "eligibility check (NJ, opioid use disorder): CLI" "$cli" check --state NJ --condition "opioid use disorder" --as-of 2026-11-22
measure "eligibility check --format json: CLI" "$cli" check --state NJ --condition "opioid use disorder" --as-of 2026-11-22 --format json
measure "eligibility --help (no law loaded): CLI" "$cli" --help
measure "floor: a .NET process that prints one line" "$floor" --floor

if [[ " $* " == *" --r2r "* ]]; then
  out=$(mktemp -d)
  dotnet publish src/Eligibility.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -v q -nologo > /dev/null
  measure "eligibility check: CLI published ReadyToRun (comparison)" "$out/Eligibility.Cli" check --state NJ --condition "opioid use disorder" --as-of 2026-11-22
  rm -rf "$out"
fi
