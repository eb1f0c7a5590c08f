#!/usr/bin/env bash
# Bounded load on the web sample: requests/s and p50/p99 latency for check-only and mixed traffic (checks, POST
# scans, state lists) at a few concurrencies. Loopback only; every step stops by itself (--seconds each, at most 60).
# Needs only the .NET SDK. Without --url it starts the built sample itself (build it first: samples/run-samples.sh,
# or pack and `dotnet build samples/Eligibility.Api -c Release`) on a free port, at the sample's default log level
# unless LOG_LEVEL is set, and stops it at the end.
#   bash samples/load/run-load.sh [--url http://127.0.0.1:PORT] [--seconds 5] [--concurrency 8,32] [--mix check,mixed]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build samples/load -c Release -v quiet -nologo > /dev/null
args=("$@")
server_pid=""
if [[ " $* " != *" --url "* ]]; then
  dll=${ELIGIBILITY_API_DLL:-$root/samples/Eligibility.Api/bin/Release/net10.0/Eligibility.Api.dll}
  if [ ! -f "$dll" ]; then
    echo "the web sample is not built ($dll): run samples/run-samples.sh first, or pass --url" >&2
    exit 2
  fi
  log=$(mktemp)
  # The lifetime logger stays at Information so that "Now listening on" is printed at any LOG_LEVEL.
  Logging__LogLevel__Default=${LOG_LEVEL:-Information} dotnet "$dll" --urls http://127.0.0.1:0 --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information > "$log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$log"' EXIT
  # shellcheck source=samples/listening-url.sh
  source "$root/samples/listening-url.sh"
  url=$(listening_url "$log" "$server_pid")
  [ -n "$url" ] || { cat "$log" >&2; echo "the web sample did not start" >&2; exit 1; }
  args+=(--url "$url")
fi

# The load tool refuses any URL that is not loopback.
dotnet samples/load/bin/Release/net10.0/Eligibility.Load.dll "${args[@]}"
status=$?
if [ -n "$server_pid" ]; then
  rss=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo "?")
  echo "server peak resident memory: ${rss} kB"
fi
exit $status
